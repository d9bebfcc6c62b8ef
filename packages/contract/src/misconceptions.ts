import { z } from "zod";
import {
	MISCONCEPTION_STATUSES,
	MISCONCEPTIONS_MAX_LIMIT,
} from "./constants.js";

/** Query of GET /api/misconceptions: the misconceptions come by pages, most recently chosen first. */
export const MisconceptionsQuerySchema = z.object({
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(MISCONCEPTIONS_MAX_LIMIT)
		.default(50),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MisconceptionsQuery = z.infer<typeof MisconceptionsQuerySchema>;

export const MisconceptionStatusSchema = z.enum(MISCONCEPTION_STATUSES);
export type MisconceptionStatus = z.infer<typeof MisconceptionStatusSchema>;

/**
 * One belief the learner has shown by a wrong answer: how often and when last, and whether it is
 * still open or resolved (the last two challenges on its idea answered right).
 */
export const LearnerMisconceptionSchema = z.object({
	id: z.string(),
	idea: z.string(),
	idea_name: z.string(),
	/** the latest wording of it the learner was shown */
	statement: z.string(),
	times: z.number().int(),
	last_at: z.iso.datetime(),
	status: MisconceptionStatusSchema,
});
export type LearnerMisconception = z.infer<typeof LearnerMisconceptionSchema>;

/** Answers on one idea: every challenge of the idea the learner answered. */
export const IdeaAccuracySchema = z.object({
	idea: z.string(),
	idea_name: z.string(),
	answered: z.number().int(),
	correct: z.number().int(),
});
export type IdeaAccuracy = z.infer<typeof IdeaAccuracySchema>;

/** Response of GET /api/misconceptions. */
export const MisconceptionsResponseSchema = z.object({
	misconceptions: z.array(LearnerMisconceptionSchema),
	/** the offset of the next page, or null on the last one */
	next_offset: z.number().int().nullable(),
	ideas: z.array(IdeaAccuracySchema),
});
export type MisconceptionsResponse = z.infer<
	typeof MisconceptionsResponseSchema
>;
