import type { Language } from "@app/contract";
import type { Distractor } from "../distractors.js";
import type { RunResult, Sandbox } from "../sandbox/sandbox.js";

/**
 * What running an instance established: everything its challenge needs except which three wrong
 * options it shows, and in what order.
 */
export interface Proven {
	/** the code the learner reads */
	code: string;
	/** the right option */
	answer: string;
	/** options the runs proved wrong, each with the belief that leads to it */
	candidates: Distractor[];
	/** why the answer is right, with the instance's values */
	why: string;
	/** intermediate values, one step per line (output questions) */
	trace?: readonly string[];
	/** sandbox runs spent */
	runs: number;
	/** time they took in the sandbox */
	sandboxMs: number;
}

/** A proof, or why this instance cannot be a challenge (for the generator's failure report). */
export type Proof = Proven | string;

/** Runs programs of one language as one batch: one round trip to the sandbox process. */
export async function runAll(
	sandbox: Sandbox,
	language: Language,
	programs: readonly string[],
): Promise<{ results: RunResult[]; sandboxMs: number }> {
	const results = await sandbox.runBatch(language, programs);
	const sandboxMs = results.reduce((total, run) => total + run.durationMs, 0);
	return { results, sandboxMs };
}

/** Lines as comments of the language, for what the engine states under a snippet. */
export const commentLines = (language: Language, lines: readonly string[]) =>
	lines
		.map((line) => `${language === "python" ? "#" : "//"} ${line}`.trimEnd())
		.join("\n");

/** The code the learner reads: the snippet, a blank line, then the engine's comment lines. */
export const withNote = (
	language: Language,
	code: string,
	lines: readonly string[],
) => `${code.trimEnd()}\n\n${commentLines(language, lines)}\n`;
