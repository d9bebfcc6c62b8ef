import { DIFFICULTIES, type Difficulty, type Stats } from "@app/contract";
import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/open-db.js";
import { answers, challenges } from "../../db/schema.js";

/** How far back the streak query looks; a longer streak is reported as this many days. */
const STREAK_LOOKBACK_DAYS = 3660;
const DAY_MS = 86_400_000;

const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/**
 * Consecutive UTC days, ending today or yesterday, with at least one answer (CONTRACT: GET /api/stats).
 * `days` are distinct day numbers (days since the epoch), newest first.
 */
export function streakDays(days: readonly number[], now: Date): number {
	const today = utcDay(now);
	const first = days[0];
	if (first === undefined || first < today - 1) return 0;
	let streak = 1;
	while (days[streak] === first - streak) streak++;
	return streak;
}

/** How many days of answers GET /api/stats reports for the progress chart. */
export const DAILY_WINDOW_DAYS = 30;

/** Answers and correct answers for each of the last DAILY_WINDOW_DAYS UTC days, oldest first, zeros included. */
async function dailyAnswers(db: DbOrTx, userId: string, now: Date) {
	const today = utcDay(now);
	const first = today - DAILY_WINDOW_DAYS + 1;
	const day =
		sql<number>`floor(extract(epoch from ${answers.answeredAt}) / 86400)::int`.mapWith(
			Number,
		);
	const rows = await db
		.select({
			day,
			answered: count(),
			correct: sql<number>`count(*) filter (where ${answers.correct})`.mapWith(
				Number,
			),
		})
		.from(answers)
		.where(
			and(
				eq(answers.userId, userId),
				gte(answers.answeredAt, new Date(first * DAY_MS)),
			),
		)
		.groupBy(day);
	const byDay = new Map(rows.map((row) => [row.day, row]));
	return Array.from({ length: DAILY_WINDOW_DAYS }, (_, i) => {
		const row = byDay.get(first + i);
		return {
			date: new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
			answered: row?.answered ?? 0,
			correct: row?.correct ?? 0,
		};
	});
}

export async function userStats(
	db: DbOrTx,
	userId: string,
	now: Date,
): Promise<Stats> {
	const rows = await db
		.select({
			difficulty: challenges.difficulty,
			total: count(),
			answered: count(answers.challengeId),
			correct: sql<number>`count(*) filter (where ${answers.correct})`.mapWith(
				Number,
			),
		})
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(eq(challenges.userId, userId))
		.groupBy(challenges.difficulty);

	const empty = { total: 0, answered: 0, correct: 0 };
	const byDifficulty = Object.fromEntries(
		DIFFICULTIES.map((d) => [d, { ...empty }]),
	) as Record<Difficulty, typeof empty>;
	for (const row of rows)
		byDifficulty[row.difficulty] = {
			total: row.total,
			answered: row.answered,
			correct: row.correct,
		};
	const totals = Object.values(byDifficulty).reduce(
		(sum, d) => ({
			total: sum.total + d.total,
			answered: sum.answered + d.answered,
			correct: sum.correct + d.correct,
		}),
		{ ...empty },
	);

	const day =
		sql<number>`floor(extract(epoch from ${answers.answeredAt}) / 86400)::int`.mapWith(
			Number,
		);
	const days = await db
		.selectDistinct({ day })
		.from(answers)
		.where(eq(answers.userId, userId))
		.orderBy(desc(day))
		.limit(STREAK_LOOKBACK_DAYS);

	return {
		...totals,
		daily: await dailyAnswers(db, userId, now),
		accuracy: totals.answered === 0 ? 0 : totals.correct / totals.answered,
		by_difficulty: byDifficulty,
		streak_days: streakDays(
			days.map((d) => d.day),
			now,
		),
	};
}
