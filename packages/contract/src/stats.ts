import { z } from "zod";

export const DifficultyStatsSchema = z.object({
	total: z.number().int(),
	answered: z.number().int(),
	correct: z.number().int(),
});
export type DifficultyStats = z.infer<typeof DifficultyStatsSchema>;

/** Response of GET /api/stats. */
export const StatsSchema = z.object({
	total: z.number().int(),
	answered: z.number().int(),
	correct: z.number().int(),
	accuracy: z.number().min(0).max(1),
	by_difficulty: z.object({
		easy: DifficultyStatsSchema,
		medium: DifficultyStatsSchema,
		hard: DifficultyStatsSchema,
	}),
	streak_days: z.number().int(),
	/** answers per UTC day over the last 30 days, oldest first (an extension of the original API) */
	daily: z.array(
		z.object({
			date: z.iso.date(),
			answered: z.number().int(),
			correct: z.number().int(),
		}),
	),
});
export type Stats = z.infer<typeof StatsSchema>;
