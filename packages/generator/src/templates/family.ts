import type { ChallengeKind, Difficulty, Language } from "@app/contract";
import type { Rng } from "../rng.js";

/**
 * What a family's challenges ask: what the code prints (`output`), or what happens when it runs
 * (`error`): what it prints and the type of the exception that escapes, if one does.
 */
export type FamilyKind = Extract<ChallengeKind, "output" | "error">;

/** A deliberately wrong version of the snippet: what a learner with one misconception would expect. */
export interface Mistake {
	/** the misconception, as a clause that completes "… if you think that …" */
	misconception: string;
	/** the program that prints what that learner would predict */
	code: string;
}

/** One concrete question built from a family and its parameters. */
export interface Instance {
	/** the snippet the learner reads; its real output (in an `error` family, its outcome) is the answer */
	code: string;
	/** mistaken variants whose outputs (or outcomes) become the distractors */
	mistakes: Mistake[];
	/** why the real output is what it is, with this instance's values */
	explain(answer: string): string;
}

/**
 * A template family: one idea taught through many parameterised snippets. Families are data
 * plus pure functions; all randomness comes from the rng they are given.
 */
export interface Family<P = unknown> {
	/** stable id, `<language>/<name>`; part of every challenge's variant key */
	id: string;
	language: Language;
	difficulty: Difficulty;
	/** a short headline naming the idea, e.g. "List aliasing" */
	title: string;
	/**
	 * What its challenges ask (`output` when absent). In an `error` family the snippet and the
	 * mistake programs may raise, and each option is a run's outcome (sandbox/outcome-option.ts).
	 */
	kind?: FamilyKind;
	/** tags a user's topic is matched against */
	topics: readonly string[];
	/**
	 * JavaScript only, for a family whose point is sloppy mode: its snippets run without
	 * "use strict", and the challenge's runtime says so. Every other JavaScript snippet starts
	 * with "use strict", so it prints the same in Node.js and in a browser console.
	 */
	sloppyMode?: true;
	params(rng: Rng): P;
	build(params: P): Instance;
}

/** The directive every strict JavaScript snippet and mistake program begins with. */
export const USE_STRICT = '"use strict";\n';

const strict = (code: string) => USE_STRICT + code;

/**
 * Declares a family with its parameter type checked (the registry stores them type-erased). A
 * JavaScript family's snippets and mistake programs run in strict mode unless it is about
 * sloppy mode.
 */
export function defineFamily<P>(family: Family<P>): Family {
	if (family.language !== "javascript" || family.sloppyMode)
		return family as Family;
	return {
		...family,
		build: (params: P) => {
			const instance = family.build(params);
			return {
				...instance,
				code: strict(instance.code),
				mistakes: instance.mistakes.map((mistake) => ({
					...mistake,
					code: strict(mistake.code),
				})),
			};
		},
	} as Family;
}
