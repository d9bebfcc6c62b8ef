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
	/** whether the code was run (any draft with code is, whatever the verification says) */
	ran: boolean;
	/** for each option of `draft`, the index of the model's option it shows; null for an output written in over a distractor */
	origins: (number | null)[];
	sandboxMs: number;
}

/** "What does this code print?", "What is the output?", "Which line gets logged?" */
const OUTPUT_QUESTION =
	/\b(what|which)\b[^.?!]*\b(prints?|printed|outputs?|logs?|logged|displays?|displayed)\b/i;

/**
 * Runs the draft's code and makes the marked option the one the code really prints: confirmed
 * as is, re-marked when another option is the output, or written in over a distractor when no
 * option is. The model's wrongly marked answer stays as a distractor: it is the most tempting one.
 *
 * The model's `asks_for_output` does not decide alone whether its answer is checked: a model that
 * marks a wrong answer can as well mark an output question as conceptual. Code is always run, and
 * the question is about the output when the model says so, when its text asks what the code prints,
 * or when one of the options is what it printed.
 */
export async function verifyDraft(
	sandbox: Sandbox,
	language: Language,
	draft: Draft,
): Promise<Verified> {
	const origins = draft.options.map((_, index): number | null => index);
	if (!draft.code?.trim())
		return {
			draft,
			verification: "not_applicable",
			ran: false,
			origins,
			sandboxMs: 0,
		};
	// a model wrote this code: no later snippet may run in the interpreter it ran in
	const run = await sandbox.run(language, draft.code, { isolated: true });
	const sandboxMs = run.durationMs;
	const output = printedOption(run);
	const asksForOutput =
		draft.asks_for_output || OUTPUT_QUESTION.test(draft.title);
	if (output === null) {
		const verification = asksForOutput ? "not_runnable" : "not_applicable";
		return { draft, verification, ran: true, origins, sandboxMs };
	}
	const options = [...draft.options];
	const matching = options.findIndex(
		(option) => canonicalOutput(option) === canonicalOutput(output),
	);
	if (matching === -1 && !asksForOutput)
		return {
			draft,
			verification: "not_applicable",
			ran: true,
			origins,
			sandboxMs,
		};
	const marked = draft.correct_answer_id;
	const rejected = options[marked] ?? "";
	let correct = matching;
	if (matching === -1) {
		// over the distractor furthest from the marked one, so the tempting wrong answer survives
		correct = (marked + 2) % options.length;
		origins[correct] = null;
	}
	// the option shows the output exactly as the interpreter prints it
	options[correct] = output;
	const fixed: Draft = { ...draft, options, correct_answer_id: correct };
	if (correct === marked)
		return {
			draft: fixed,
			verification: "executed",
			output,
			ran: true,
			origins,
			sandboxMs,
		};
	return {
		draft: fixed,
		verification: "corrected",
		output,
		rejected,
		ran: true,
		origins,
		sandboxMs,
	};
}
