import type { RunResult } from "./sandbox.js";

/** Longer output does not fit an option button. */
export const MAX_OPTION_CHARS = 400;

/**
 * What a run printed, as an answer option: the output without its final newline. Null when it
 * cannot be one: the code did not run, its output cannot be reproduced exactly, or it printed
 * nothing or too much.
 */
export function printedOption(run: RunResult): string | null {
	if (run.status !== "ok" || !run.exact) return null;
	const text = run.stdout.endsWith("\n") ? run.stdout.slice(0, -1) : run.stdout;
	return text.trim() === "" || text.length > MAX_OPTION_CHARS ? null : text;
}
