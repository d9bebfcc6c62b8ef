import { printedOption } from "../sandbox/printed-option.js";
import type { RunResult, Sandbox } from "../sandbox/sandbox.js";
import { BLANK, type FillIn, type FillInFamily } from "../templates/family.js";
import { type Proof, runAll, withNote } from "./proof.js";

/** More stated output than this does not read as one question. */
const MAX_LINES = 6;

/** The program a filling makes. */
export const filled = (code: string, filling: string) =>
	code.replace(BLANK, () => filling);

/**
 * A wrong filling is proven wrong when its run finished and did not print the stated output: it
 * printed something else, or raised. One that hit a limit proves nothing, and is not offered.
 */
const provenWrong = (run: RunResult, output: string) =>
	(run.status === "ok" && run.exact && printedOption(run) !== output) ||
	run.status === "error";

/**
 * `fill-in` questions: the answer's program is run and what it prints is the stated output; every
 * other filling is run too, and offered only if it does not print that.
 */
export async function proveFillIn(
	sandbox: Sandbox,
	family: FillInFamily,
	instance: FillIn,
): Promise<Proof> {
	if (instance.code.split(BLANK).length !== 2)
		return "the snippet must hold exactly one blank";
	const fillings = [instance.answer, ...instance.wrong.map((w) => w.option)];
	const { results, sandboxMs } = await runAll(
		sandbox,
		family.language,
		fillings.map((filling) => filled(instance.code, filling)),
	);
	const [right, ...others] = results;
	const output = right ? printedOption(right) : null;
	if (output === null) return "the answer's program prints no usable output";
	if (output.split("\n").length > MAX_LINES)
		return "the stated output is too long";
	// the output is stated in comments, which cannot show a line's trailing spaces
	if (/[ \t]$/m.test(output)) return "the stated output ends a line in spaces";
	return {
		code: withNote(family.language, instance.code, [
			"It prints:",
			...output.split("\n"),
		]),
		answer: instance.answer,
		candidates: instance.wrong.flatMap((wrong, index) => {
			const run = others[index];
			return run && provenWrong(run, output)
				? [
						{
							text: wrong.option,
							origin: "mistake" as const,
							misconception: wrong.misconception,
						},
					]
				: [];
		}),
		why: instance.explain(output),
		runs: results.length,
		sandboxMs,
	};
}
