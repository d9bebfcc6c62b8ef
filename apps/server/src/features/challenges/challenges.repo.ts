import type {
	ChallengeContent,
	Difficulty,
	HistoryQuery,
	Language,
} from "@app/contract";
import type { Diagnosis } from "@app/generator";
import { and, desc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import { contentColumns } from "../../db/challenge-columns.js";
import type { DbOrTx } from "../../db/open-db.js";
import { answers, challenges } from "../../db/schema.js";

export type ChallengeRow = typeof challenges.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type HistoryRow = ChallengeRow & { answer: AnswerRow | null };

export interface NewChallenge {
	userId: string;
	content: ChallengeContent;
	topic: string | null;
	variantKey: string | null;
	/** what the generator knows of the beliefs behind the options; null when it knows nothing */
	diagnosis: Diagnosis | null;
	/** the idea the challenge reviews, when it was served to bring back an open misconception */
	reviewOf: string | null;
	createdAt: Date;
}

export async function insertChallenge(
	db: DbOrTx,
	input: NewChallenge,
): Promise<ChallengeRow> {
	const [row] = await db
		.insert(challenges)
		.values({
			userId: input.userId,
			...contentColumns(input.content),
			topic: input.topic,
			variantKey: input.variantKey,
			idea: input.diagnosis?.idea ?? null,
			misconceptions: input.diagnosis?.misconceptions ?? null,
			reviewOf: input.reviewOf,
			createdAt: input.createdAt,
		})
		.returning();
	if (!row) throw new Error("insert returned no challenge");
	return row;
}

/** The variant keys of what a user was served in one cell: all of them, and the latest ones. */
export interface VariantHistory {
	/** every key, so the generator and the pool can avoid repeats */
	seen: Set<string>;
	/** the latest `recentCount` keys, newest first, so they can avoid look-alikes */
	recent: string[];
}

/** What a user was served in one (difficulty, language) cell, by variant key. */
export async function variantHistory(
	db: DbOrTx,
	userId: string,
	cell: { difficulty: Difficulty; language: Language },
	recentCount: number,
): Promise<VariantHistory> {
	const rows = await db
		.select({ key: challenges.variantKey })
		.from(challenges)
		.where(
			and(
				eq(challenges.userId, userId),
				eq(challenges.difficulty, cell.difficulty),
				eq(challenges.language, cell.language),
				isNotNull(challenges.variantKey),
			),
		)
		.orderBy(desc(challenges.createdAt), desc(challenges.id));
	const keys = rows.flatMap((row) => (row.key ? [row.key] : []));
	return { seen: new Set(keys), recent: keys.slice(0, recentCount) };
}

function resultFilter(result: HistoryQuery["result"]) {
	switch (result) {
		case "correct":
			return eq(answers.correct, true);
		case "incorrect":
			return eq(answers.correct, false);
		case "unanswered":
			return isNull(answers.challengeId);
		default:
			return undefined;
	}
}

/** One page of a user's challenges, newest first, keyed by id; one row more than asked tells whether more exist. */
export async function historyPage(
	db: DbOrTx,
	userId: string,
	page: HistoryQuery,
): Promise<{ rows: HistoryRow[]; nextCursor: number | null }> {
	const rows = await db
		.select()
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(
			and(
				eq(challenges.userId, userId),
				page.before === undefined ? undefined : lt(challenges.id, page.before),
				page.difficulty
					? eq(challenges.difficulty, page.difficulty)
					: undefined,
				page.language ? eq(challenges.language, page.language) : undefined,
				resultFilter(page.result),
			),
		)
		.orderBy(desc(challenges.id))
		.limit(page.limit + 1);
	const shown = rows
		.slice(0, page.limit)
		.map((row) => ({ ...row.challenges, answer: row.answers }));
	const last = shown.at(-1);
	return {
		rows: shown,
		nextCursor: rows.length > page.limit && last ? last.id : null,
	};
}

/** One of the user's challenges with its answer, if any. */
export async function findHistoryItem(
	db: DbOrTx,
	userId: string,
	id: number,
): Promise<HistoryRow | undefined> {
	const [row] = await db
		.select()
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(and(eq(challenges.id, id), eq(challenges.userId, userId)));
	return row && { ...row.challenges, answer: row.answers };
}

/** Every challenge of a user with its answer, newest first (the export). */
export async function allHistory(
	db: DbOrTx,
	userId: string,
): Promise<HistoryRow[]> {
	const rows = await db
		.select()
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(eq(challenges.userId, userId))
		.orderBy(desc(challenges.id));
	return rows.map((row) => ({ ...row.challenges, answer: row.answers }));
}

export async function findChallenge(
	db: DbOrTx,
	userId: string,
	id: number,
): Promise<ChallengeRow | undefined> {
	const [row] = await db
		.select()
		.from(challenges)
		.where(and(eq(challenges.id, id), eq(challenges.userId, userId)));
	return row;
}

/** The belief behind the option a user chose, for a wrong answer whose option a mistake model produced. */
export const beliefBehindAnswer = (
	challenge: ChallengeRow,
	answer: { answerId: number; correct: boolean },
) =>
	answer.correct ? null : (challenge.misconceptions?.[answer.answerId] ?? null);

/** Records an answer unless one exists: the primary key on challenge_id makes the first answer win. */
export async function recordAnswer(
	db: DbOrTx,
	challenge: ChallengeRow,
	answerId: number,
	now: Date,
): Promise<
	{ recorded: true; answer: AnswerRow } | { recorded: false; first: AnswerRow }
> {
	const correct = answerId === challenge.correctAnswerId;
	const [inserted] = await db
		.insert(answers)
		.values({
			challengeId: challenge.id,
			userId: challenge.userId,
			answerId,
			correct,
			misconceptionId:
				beliefBehindAnswer(challenge, { answerId, correct })?.id ?? null,
			answeredAt: now,
		})
		.onConflictDoNothing()
		.returning();
	if (inserted) return { recorded: true, answer: inserted };
	const [first] = await db
		.select()
		.from(answers)
		.where(eq(answers.challengeId, challenge.id));
	if (!first) throw new Error("answer conflict without an answer");
	return { recorded: false, first };
}

/** Removes a user's challenges and, by cascade, their answers (Clerk's user.deleted). */
export async function deleteChallenges(
	db: DbOrTx,
	userId: string,
): Promise<void> {
	await db.delete(answers).where(eq(answers.userId, userId));
	await db.delete(challenges).where(eq(challenges.userId, userId));
}
