import type {
	ChallengeContent,
	HistoryQuery,
	Misconception,
} from "@app/contract";
import type { Diagnosis } from "@app/generator";
import { and, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import { contentColumns } from "../../db/challenge-columns.js";
import type { DbOrTx } from "../../db/open-db.js";
import { parsedJson } from "../../db/parsed-json.js";
import { preparedPerDb } from "../../db/prepared.js";
import { answers, challenges } from "../../db/schema.js";

export type ChallengeRow = typeof challenges.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;

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

/**
 * What a history item shows: the challenge without what only the server reads (its owner, its
 * variant, the beliefs behind the options not chosen), its answer, and the belief behind a wrong
 * answer's option, picked out in the query.
 */
const historyColumns = {
	id: challenges.id,
	difficulty: challenges.difficulty,
	language: challenges.language,
	kind: challenges.kind,
	runtime: challenges.runtime,
	title: challenges.title,
	code: challenges.code,
	options: challenges.options,
	correctAnswerId: challenges.correctAnswerId,
	explanation: challenges.explanation,
	verified: challenges.verified,
	source: challenges.source,
	verification: challenges.verification,
	idea: challenges.idea,
	reviewOf: challenges.reviewOf,
	createdAt: challenges.createdAt,
	answer: {
		answerId: answers.answerId,
		correct: answers.correct,
		answeredAt: answers.answeredAt,
	},
	chosenBelief: sql<
		Misconception | string | null
	>`CASE WHEN NOT ${answers.correct} THEN ${challenges.misconceptions} -> ${answers.answerId} END`,
};

type HistorySelection = {
	[K in keyof typeof historyColumns]: K extends "answer"
		? Pick<AnswerRow, "answerId" | "correct" | "answeredAt"> | null
		: K extends "chosenBelief"
			? Misconception | string | null
			: ChallengeRow[K & keyof ChallengeRow];
};

/** A challenge of a user's history, with its answer and the belief behind a wrong one. */
export type HistoryRow = Omit<HistorySelection, "chosenBelief"> & {
	misconception: Misconception | null;
};

const toHistoryRow = ({
	chosenBelief,
	...row
}: HistorySelection): HistoryRow => ({
	...row,
	misconception: chosenBelief === null ? null : parsedJson(chosenBelief),
});

/** The largest challenge id: "before" it means from the newest. */
const NEWEST = 2_147_483_647;

/**
 * The filters of a history page, as placeholders: the user, the key to start before, and each
 * optional filter as a null placeholder that matches everything when absent.
 */
function historyFilter() {
	const difficulty = sql.placeholder("difficulty");
	const language = sql.placeholder("language");
	const result = sql.placeholder("result");
	return and(
		eq(challenges.userId, sql.placeholder("userId")),
		lt(challenges.id, sql.placeholder("before")),
		sql`(${difficulty}::text IS NULL OR ${challenges.difficulty} = ${difficulty})`,
		sql`(${language}::text IS NULL OR ${challenges.language} = ${language})`,
		sql`(${result}::text IS NULL
			OR (${result} = 'correct' AND ${answers.correct})
			OR (${result} = 'incorrect' AND NOT ${answers.correct})
			OR (${result} = 'unanswered' AND ${answers.challengeId} IS NULL))`,
	);
}

/** What tells one state of a history item from another: its challenge, and its answer once given. */
export interface HistoryKey {
	id: number;
	/** the option answered; null while unanswered */
	answerId: number | null;
}

/**
 * The keys of one page of a user's challenges, newest first: a backward scan of the (user_id, id)
 * index that stops after the page, reading no content. One statement, prepared once, whatever the
 * filters.
 */
const historyKeysStatement = preparedPerDb((db) =>
	db
		.select({ id: challenges.id, answerId: answers.answerId })
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(historyFilter())
		.orderBy(desc(challenges.id))
		.limit(sql.placeholder("limit"))
		.prepare("history_keys"),
);

/** One page of a user's history as keys; one row more than asked tells whether more exist. */
export async function historyPageKeys(
	db: DbOrTx,
	userId: string,
	page: HistoryQuery,
): Promise<{ keys: HistoryKey[]; nextCursor: number | null }> {
	const rows = await historyKeysStatement(db).execute({
		userId,
		before: page.before ?? NEWEST,
		difficulty: page.difficulty ?? null,
		language: page.language ?? null,
		result: page.result ?? null,
		limit: page.limit + 1,
	});
	const keys = rows.slice(0, page.limit);
	const last = keys.at(-1);
	return {
		keys,
		nextCursor: rows.length > page.limit && last ? last.id : null,
	};
}

/** The user's challenges (those `which` picks, or all) with their answers, as history columns. */
const historyRows = (db: DbOrTx, userId: string, which?: SQL) =>
	db
		.select(historyColumns)
		.from(challenges)
		.leftJoin(answers, eq(answers.challengeId, challenges.id))
		.where(and(eq(challenges.userId, userId), which));

/** The user's challenges with these ids, with their answers, in no particular order. */
export async function historyRowsByIds(
	db: DbOrTx,
	userId: string,
	ids: readonly number[],
): Promise<HistoryRow[]> {
	const rows = await historyRows(db, userId, inArray(challenges.id, [...ids]));
	return rows.map(toHistoryRow);
}

/** One of the user's challenges with its answer, if any. */
export async function findHistoryItem(
	db: DbOrTx,
	userId: string,
	id: number,
): Promise<HistoryRow | undefined> {
	const [row] = await historyRows(db, userId, eq(challenges.id, id));
	return row && toHistoryRow(row);
}

/** Every challenge of a user with its answer, newest first (the export). */
export async function allHistory(
	db: DbOrTx,
	userId: string,
): Promise<HistoryRow[]> {
	const rows = await historyRows(db, userId).orderBy(desc(challenges.id));
	return rows.map(toHistoryRow);
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
