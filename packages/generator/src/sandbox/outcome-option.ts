import { MAX_OPTION_CHARS, printedOption } from "./printed-option.js";
import type { RunResult } from "./sandbox.js";

/**
 * The last line of an outcome whose run raised, naming the exception's type: `[raises KeyError]`.
 * No printed line may read like it (outcomeOption refuses such a run), so a learner can always
 * tell what was printed from what was raised.
 */
export const raisesLine = (type: string) => `[raises ${type}]`;

const RAISES_LINE = /^\[raises [^\n]*\]$/m;
/** A type name as Python and JavaScript spell their classes: one identifier, nothing to misread. */
const TYPE_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * What happens when the code runs, as an answer option of an `error` challenge: the printed lines,
 * then, if an exception escaped, `raisesLine` with its type as the sandbox's interpreter named it
 * (never a template's claim). Null when it cannot be one: the run hit a limit or failed in the
 * sandbox, threw a value that is not an Error, its output cannot be reproduced exactly, or it is
 * empty, too long, or holds a printed line that reads like the raises line.
 */
export function outcomeOption(run: RunResult): string | null {
	if (run.status === "ok") {
		const printed = printedOption(run);
		return printed === null || RAISES_LINE.test(printed) ? null : printed;
	}
	if (run.status !== "error" || !run.exact) return null;
	if (run.raised === undefined || !TYPE_NAME.test(run.raised)) return null;
	if (RAISES_LINE.test(run.stdout)) return null;
	const text = outcomeText(run.stdout, run.raised);
	return text.length > MAX_OPTION_CHARS ? null : text;
}

/** An outcome as text: what was printed (without its final newline), then the raises line if `raised`. */
export function outcomeText(stdout: string, raised: string | null): string {
	const printed = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
	if (raised === null) return printed;
	return stdout === ""
		? raisesLine(raised)
		: `${printed}\n${raisesLine(raised)}`;
}

/** An option inside a sentence, on one line: its lines joined by " / ". */
export const oneLine = (text: string) => text.replaceAll("\n", " / ");

/** The option a run gives a challenge of this kind: what it printed, or what happened. */
export const optionOf = (kind: "output" | "error", run: RunResult) =>
	kind === "error" ? outcomeOption(run) : printedOption(run);
