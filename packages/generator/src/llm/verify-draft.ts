import type { Language, Verification } from "@app/contract";
import { printedOption } from "../sandbox/printed-option.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import { canonicalOutput, type Draft } from "./draft.js";

export interface Verified {
	draft: Draft;
	verification: Verification;
	/** the exact output, when the code ran */
	output?: string;
	/** the option the model marked, when it was wrong */
	rejected?: string;
	sandboxMs: number;
}

/**
 * Runs the draft's code and makes the marked option the one the code really prints: confirmed
 * as is, re-marked when another option is the output, or written in over a distractor when no
 * option is. The model's wrongly marked answer stays as a distractor: it is the most tempting one.
 */
export async function verifyDraft(
	sandbox: Sandbox,
	language: Language,
	draft: Draft,
): Promise<Verified> {
	if (!draft.asks_for_output || !draft.code)
		return { draft, verification: "not_applicable", sandboxMs: 0 };
	const run = await sandbox.run(language, draft.code);
	const output = printedOption(run);
	if (output === null) {
		return { draft, verification: "not_runnable", sandboxMs: run.durationMs };
	}
	const options = [...draft.options];
	const matching = options.findIndex(
		(option) => canonicalOutput(option) === canonicalOutput(output),
	);
	const marked = draft.correct_answer_id;
	const rejected = options[marked] ?? "";
	let correct = matching;
	if (matching === -1) {
		// over the distractor furthest from the marked one, so the tempting wrong answer survives
		correct = (marked + 2) % options.length;
	}
	// the option shows the output exactly as the interpreter prints it
	options[correct] = output;
	const fixed: Draft = { ...draft, options, correct_answer_id: correct };
	if (correct === marked)
		return {
			draft: fixed,
			verification: "executed",
			output,
			sandboxMs: run.durationMs,
		};
	return {
		draft: fixed,
		verification: "corrected",
		output,
		rejected,
		sandboxMs: run.durationMs,
	};
}
