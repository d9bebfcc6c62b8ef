import { z } from "zod";
import {
	CHALLENGE_KINDS,
	DIFFICULTIES,
	EXPORT_FORMATS,
	HISTORY_MAX_LIMIT,
	HISTORY_RESULTS,
	IDEA_ID_MAX_LENGTH,
	LANGUAGES,
	OPTION_COUNT,
	TOPIC_MAX_LENGTH,
	VERIFICATIONS,
} from "./constants.js";
import { textField } from "./text.js";

export const DifficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof DifficultySchema>;

export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

const lowerCased = (value: unknown) =>
	typeof value === "string" ? value.toLowerCase() : value;

/** An idea id as a client sends it: whether the idea exists is the server's to say. */
export const IdeaIdSchema = z
	.string()
	.max(IDEA_ID_MAX_LENGTH)
	.regex(
		/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/,
		"must be an idea id such as py.aliasing",
	);

/**
 * Body of POST /api/generate-challenge; the original client sends "Hard", so enums are
 * case-insensitive. The original API had no language field (its challenges were Python), and a
 * blank topic asks for none.
 */
export const GenerateChallengeRequestSchema = z.object({
	difficulty: z.preprocess(lowerCased, DifficultySchema),
	/** python when absent, or the language of the idea asked for */
	language: z.preprocess(lowerCased, LanguageSchema).optional(),
	topic: textField({ max: TOPIC_MAX_LENGTH })
		.trim()
		.optional()
		.transform((topic) => topic || undefined),
	/** practise this idea: the challenge is on it (an addition to the original API) */
	idea: IdeaIdSchema.optional(),
});
/** What a client sends. */
export type GenerateChallengeRequest = z.input<
	typeof GenerateChallengeRequestSchema
>;
/** The same request once parsed: defaults applied. */
export type GenerateChallengeInput = z.output<
	typeof GenerateChallengeRequestSchema
>;

/**
 * How the marked answer was established: "executed" — the code was run and printed it;
 * "corrected" — the code was run and the generator's own answer was fixed to match; "not_runnable"
 * — the code could not be run; "not_applicable" — a conceptual question with nothing to run.
 */
export const VerificationSchema = z.enum(VERIFICATIONS);
export type Verification = z.infer<typeof VerificationSchema>;

/** What a challenge asks (an addition to the original API, which old clients ignore). */
export const ChallengeKindSchema = z.enum(CHALLENGE_KINDS);
export type ChallengeKind = z.infer<typeof ChallengeKindSchema>;

/** What a generator produces: a challenge before it is stored (no id, no timestamp). */
export const ChallengeContentSchema = z.object({
	difficulty: DifficultySchema,
	language: LanguageSchema,
	kind: ChallengeKindSchema,
	/** where the code runs, as a learner reads it: "Python 3", "Node.js (CommonJS script)" */
	runtime: z.string().min(1),
	title: z.string().min(1),
	code: z.string().nullable(),
	options: z.array(z.string()).length(OPTION_COUNT),
	correct_answer_id: z
		.number()
		.int()
		.min(0)
		.max(OPTION_COUNT - 1),
	explanation: z.string().min(1),
	verified: z.boolean(),
	source: z.string(),
	verification: VerificationSchema,
});
export type ChallengeContent = z.infer<typeof ChallengeContentSchema>;

/** An idea a challenge teaches, as a learner reads it: "py.aliasing", "Aliasing and copying". */
export const IdeaRefSchema = z.object({ id: z.string(), name: z.string() });
export type IdeaRef = z.infer<typeof IdeaRefSchema>;

/**
 * The belief behind a wrong option: a stable id, its idea's id, and one sentence in the second
 * person ("You may think that assigning a list copies it."). Never sent before the answer.
 */
export const MisconceptionSchema = z.object({
	id: z.string(),
	idea: z.string(),
	statement: z.string(),
});
export type Misconception = z.infer<typeof MisconceptionSchema>;

/** Response of POST /api/generate-challenge. */
export const ChallengeSchema = ChallengeContentSchema.extend({
	id: z.number().int(),
	timestamp: z.iso.datetime(),
	/** the idea the challenge is on, when the generator knows it */
	idea: IdeaRefSchema.nullable(),
	/** the idea this challenge reviews, when it was chosen to bring back an open misconception */
	review_of: z.string().nullable(),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

export const AnswerRecordSchema = z.object({
	answer_id: z.number().int(),
	correct: z.boolean(),
	answered_at: z.iso.datetime(),
	/** what the learner probably believes, for a wrong answer whose option a mistake model produced */
	misconception: MisconceptionSchema.nullable(),
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

export const HistoryItemSchema = ChallengeSchema.extend({
	date_created: z.iso.datetime(),
	answer: AnswerRecordSchema.nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

/** Ids are PostgreSQL integers; a larger number cannot name a challenge. */
const MAX_ID = 2_147_483_647;
const ChallengeIdSchema = z.coerce.number().int().positive().max(MAX_ID);

/** Query of GET /api/my-history: keyset pagination, newest first. */
export const HistoryQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(HISTORY_MAX_LIMIT).default(20),
	before: ChallengeIdSchema.optional(),
	// filters (an extension of the original API)
	difficulty: z.preprocess(lowerCased, DifficultySchema).optional(),
	language: z.preprocess(lowerCased, LanguageSchema).optional(),
	result: z.enum(HISTORY_RESULTS).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

export const HistoryResponseSchema = z.object({
	challenges: z.array(HistoryItemSchema),
	next_cursor: z.number().int().nullable(),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

export const ChallengeParamsSchema = z.object({
	id: ChallengeIdSchema,
});

/** Body of POST /api/challenges/{id}/answer. */
export const AnswerRequestSchema = z.object({
	answer_id: z
		.number()
		.int()
		.min(0)
		.max(OPTION_COUNT - 1),
});
export type AnswerRequest = z.infer<typeof AnswerRequestSchema>;

export const AnswerResponseSchema = z.object({
	correct: z.boolean(),
	correct_answer_id: z.number().int(),
	explanation: z.string(),
	misconception: MisconceptionSchema.nullable(),
});
export type AnswerResponse = z.infer<typeof AnswerResponseSchema>;

/** Query of GET /api/my-history/export: every challenge of the caller, as JSON or CSV. */
export const HistoryExportQuerySchema = z.object({
	format: z.enum(EXPORT_FORMATS).default("json"),
});
export type HistoryExportQuery = z.infer<typeof HistoryExportQuerySchema>;

/** The JSON export: the same items as the history, all of them, newest first. */
export const HistoryExportSchema = z.object({
	challenges: z.array(HistoryItemSchema),
});
export type HistoryExport = z.infer<typeof HistoryExportSchema>;
