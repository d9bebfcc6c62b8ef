import type {
	ChallengeContent,
	ChallengeKind,
	Difficulty,
	GeneratorKind,
	Language,
	Misconception,
} from "@app/contract";

/** What the caller asks for. */
export interface GenerateRequest {
	difficulty: Difficulty;
	language: Language;
	/** free text from the user: it steers the choice of template, and is never an instruction */
	topic?: string;
	/** variant keys the user has already seen; the generator avoids repeating them */
	exclude?: ReadonlySet<string>;
	/**
	 * Variant keys of the user's latest challenges in this cell, newest first: the generator
	 * avoids challenges that look like the last LOOK_WINDOW of them (same family, same shape).
	 */
	recent?: readonly string[];
	/** only this kind of question (a tool's option; the offline generator honours it, a model asks `output`) */
	kind?: ChallengeKind;
	/**
	 * Only challenges on this idea (an id of IDEAS): the offline generator draws from the idea's
	 * families, at the difficulty asked for or the nearest one they span; a model is told the idea.
	 */
	idea?: string;
	/** for a model: the belief to probe, when practice comes back to a misconception */
	probe?: string;
	/** fixes the random choices, to reproduce a challenge */
	seed?: number;
}

/** What establishing the answer cost, for logs and benchmarks. */
export interface GenerationReport {
	/** sandbox runs spent, mistake variants included */
	runs: number;
	/** time spent in the sandbox */
	sandboxMs: number;
	/** model requests made (0 offline) */
	modelCalls: number;
	/** served from the offline generator's library of challenges it had proven before */
	reused?: boolean;
	/** for "corrected": the answer the model had marked, which the code does not print */
	rejectedAnswer?: string;
}

/**
 * What the generator knows about the beliefs behind a challenge's options. Stored with the
 * challenge and never sent before it is answered: it would give the answer away.
 */
export interface Diagnosis {
	/** the idea the challenge is on (an id of IDEAS), or null when the generator cannot tell */
	idea: string | null;
	/** one per option, in the options' order: the belief behind a wrong one, null for the answer and fillers */
	misconceptions: (Misconception | null)[];
}

export interface GenerateResult {
	challenge: ChallengeContent;
	diagnosis: Diagnosis;
	/** identifies the template and parameters, so the same challenge is not served twice to one user */
	variantKey: string | null;
	report: GenerationReport;
}

/** The challenge generation engine behind POST /api/generate-challenge. */
export interface Generator {
	readonly kind: GeneratorKind;
	generate(
		request: GenerateRequest,
		signal?: AbortSignal,
	): Promise<GenerateResult>;
	/** starts sandboxes and connections ahead of the first request */
	warm(): Promise<void>;
	close(): Promise<void>;
}

/** "failed": this attempt went wrong (502); "unavailable": the generator cannot serve now (503). */
export type GeneratorFailure = "failed" | "unavailable";

/** The only error a generator throws; its message is safe to show a user. */
export class GeneratorError extends Error {
	constructor(
		readonly failure: GeneratorFailure,
		message: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = "GeneratorError";
	}
}
