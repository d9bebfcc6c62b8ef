import { ChallengeContentSchema } from "@app/contract";
import { z } from "zod";

/**
 * What the model is asked to return, derived from the contract's challenge schema so the two
 * cannot drift apart; `asks_for_output` says whether the question is "what does this code print".
 */
export const DraftSchema = ChallengeContentSchema.pick({
	title: true,
	code: true,
	options: true,
	correct_answer_id: true,
	explanation: true,
}).extend({
	asks_for_output: z
		.boolean()
		.describe(
			"true when the question asks what the code prints; the correct option is then its exact output",
		),
});
export type Draft = z.infer<typeof DraftSchema>;

/** The model's explanation of an output it got wrong, asked for after a correction. */
export const ExplanationSchema = z.object({ explanation: z.string().min(1) });

/**
 * Two printed outputs that a reader would call the same: equal once surrounding blanks are trimmed,
 * runs of blanks folded, and blanks around brackets and separators dropped (`[1, 2]` is `[ 1, 2 ]`).
 */
export function canonicalOutput(text: string): string {
	return text
		.trim()
		.replace(/^`+|`+$/g, "")
		.replace(/[ \t]+/g, " ")
		.replace(/\s*([[\]{}(),:])\s*/g, "$1");
}

/** Parses and checks a model reply; returns the draft, or why it is unusable. */
export function readDraft(content: string | null | undefined): Draft | string {
	if (!content) return "empty reply";
	let json: unknown;
	try {
		json = JSON.parse(content);
	} catch {
		return "reply is not valid JSON";
	}
	const parsed = DraftSchema.safeParse(json);
	if (!parsed.success)
		return `reply does not match the schema: ${parsed.error.issues[0]?.message ?? "invalid"}`;
	const draft = parsed.data;
	const canonical = draft.options.map(canonicalOutput);
	if (canonical.some((option) => option === "")) return "an option is empty";
	if (new Set(canonical).size !== canonical.length)
		return "two options are the same";
	if (draft.explanation.trim() === "") return "the explanation is empty";
	if (draft.asks_for_output && !draft.code?.trim())
		return "asks for output but has no code";
	return draft;
}
