import { z } from "zod";
import {
	CHALLENGE_KINDS,
	DIFFICULTIES,
	HISTORY_MAX_LIMIT,
	HISTORY_RESULTS,
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

/**
 * Body of POST /api/generate-challenge; the original client sends "Hard", so enums are
 * case-insensitive. The original API had no language field (its challenges were Python), and a
 * blank topic asks for none.
 */
export const GenerateChallengeRequestSchema = z.object({
	difficulty: z.preprocess(lowerCased, DifficultySchema),
	language: z.preprocess(lowerCased, LanguageSchema).default("python"),
	topic: textField({ max: TOPIC_MAX_LENGTH })
		.trim()
		.optional()
		.transform((topic) => topic || undefined),
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

/** Response of POST /api/generate-challenge. */
export const ChallengeSchema = ChallengeContentSchema.extend({
	id: z.number().int(),
	timestamp: z.iso.datetime(),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

export const AnswerRecordSchema = z.object({
	answer_id: z.number().int(),
	correct: z.boolean(),
	answered_at: z.iso.datetime(),
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
});
export type AnswerResponse = z.infer<typeof AnswerResponseSchema>;
