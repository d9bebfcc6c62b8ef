import { ChallengeContentSchema, OPTION_COUNT } from "@app/contract";
import { z } from "zod";
import { MAX_OPTION_CHARS } from "../sandbox/printed-option.js";

/**
 * Caps on each text a model returns. A model's reply is stored and served to learners, so a draft
 * over a cap is refused like any malformed one (asked for again), never stored.
 */
export const DRAFT_LIMITS = {
	title: { chars: 200, lines: 3 },
	code: { chars: 2000, lines: 40 },
	option: { chars: MAX_OPTION_CHARS, lines: 12 },
	explanation: { chars: 1500, lines: 20 },
} as const;

/** A string within a cap of characters and lines (the characters cap also reaches the model's JSON schema). */
function capped(what: keyof typeof DRAFT_LIMITS) {
	const { chars, lines } = DRAFT_LIMITS[what];
	return z
		.string()
		.max(chars, `the ${what} is longer than ${chars} characters`)
		.refine(
			(text) => text.split("\n").length <= lines,
			`the ${what} has more than ${lines} lines`,
		);
}

/**
 * The challenge a model returns: the fields of the contract's challenge schema, each capped;
 * `asks_for_output` says whether the question is "what does this code print".
 */
const ChallengeDraftSchema = ChallengeContentSchema.pick({
	title: true,
	code: true,
	options: true,
	correct_answer_id: true,
	explanation: true,
}).extend({
	title: capped("title").min(1),
	code: capped("code").nullable(),
	options: z.array(capped("option")).length(OPTION_COUNT),
	explanation: capped("explanation").min(1),
	asks_for_output: z
		.boolean()
		.describe(
			"true when the question asks what the code prints; the correct option is then its exact output",
		),
});

const IDEA_HINT =
	"the id of the idea the challenge is on, from the list given; null when none fits";
const BELIEFS_HINT =
	'one entry per option, in the same order: for a wrong option, one sentence in the second person starting "You may think that", ' +
	"stating the belief that leads a learner to choose it; null for the correct option";

/**
 * What a model reply is read as. The diagnosis fields are extras: a reply without them, or with
 * them malformed, still gives a challenge, served without misconceptions; their sentences are
 * normalized and capped when the diagnosis is made, so none is refused here for its length.
 */
export const DraftSchema = ChallengeDraftSchema.extend({
	idea: z.string().nullable().catch(null),
	misconceptions: z.array(z.string().nullable()).nullable().catch(null),
});
export type Draft = z.infer<typeof DraftSchema>;

/**
 * What the model is asked to return: the draft with an idea among `ideaIds` (the ideas of the
 * request's language) and one belief per option. Both are required, as strict structured output
 * wants every field to be.
 */
export function draftRequestSchema(ideaIds: readonly string[]) {
	const [first, ...rest] = ideaIds;
	return ChallengeDraftSchema.extend({
		idea: (first === undefined
			? z.null()
			: z.enum([first, ...rest]).nullable()
		).describe(IDEA_HINT),
		misconceptions: z
			.array(z.string().nullable())
			.length(OPTION_COUNT)
			.describe(BELIEFS_HINT),
	});
}

/** The model's explanation of an output it got wrong, asked for after a correction. */
export const ExplanationSchema = z.object({
	explanation: capped("explanation").min(1),
});

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
		return `reply does not match the schema: ${describeIssue(parsed.error.issues[0])}`;
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

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
	if (!issue) return "invalid";
	return issue.path.length > 0
		? `${issue.path.join(".")}: ${issue.message}`
		: issue.message;
}
