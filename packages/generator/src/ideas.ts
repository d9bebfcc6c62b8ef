import type { Language } from "@app/contract";

/**
 * An idea a learner can get wrong and practise: several families may teach one idea, and each
 * misconception belongs to one. The id is stable (stored with challenges and answers); the name is
 * what a learner reads.
 */
export interface Idea {
	/** `py.<name>` or `js.<name>`, kebab-case */
	id: string;
	/** learner-facing, e.g. "Aliasing and copying" */
	name: string;
	language: Language;
}

/** Every idea the families teach. */
export const IDEAS: readonly Idea[] = [];

const BY_ID = new Map(IDEAS.map((idea) => [idea.id, idea]));

export const ideaById = (id: string): Idea | undefined => BY_ID.get(id);
