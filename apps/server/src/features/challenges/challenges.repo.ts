import type {
	ChallengeContent,
	HistoryQuery,
	Misconception,
} from "@app/contract";
import type { Diagnosis } from "@app/generator";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { batchedReads } from "../../db/batched-reads.js";
import { contentColumns } from "../../db/challenge-columns.js";
import type { DbOrTx } from "../../db/open-db.js";
import { parsedJson } from "../../db/parsed-json.js";
import { preparedPerDb } from "../../db/prepared.js";
import { rawRows } from "../../db/raw-rows.js";
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

/** What tells one state of a history item from another: its challenge, and its answer once given. */
export interface HistoryKey {
	id: number;
	/** the option answered; null while unanswered */
	answerId: number | null;
}

interface HistoryPageAsk {
	userId: string;
	page: HistoryQuery;
}

/**
 * The keys of several history pages, one page per ask, in one statement: for each ask, a backward
 * scan of the (user_id, id) index that stops after its page, reading no content. The asks come in
 * as one JSON parameter, so the statement's text is the same whatever the asks and their filters,
 * and an absent filter (null) matches everything. Each page has one row more than asked, which
 * tells whether more exist.
 *
 * The plan must walk that index in order and stop after the page, whoever asks; two traps lead the
 * planner away from it (history-plan.test.ts pins the plan on both engines):
 * - The user is matched as a range of one and the page ordered by (user_id, id), which only that
 *   index gives without a sort. Written as an equality, the planner may take the primary key
 *   backwards and filter on the user, which reads every newer challenge of every other user before
 *   the page: 20-50 ms for a learner whose challenges are older than most.
 * - Each filter is one CASE. The planner cannot see the asks' values, and it took a filter written
 *   as `asked.x IS NULL OR column = asked.x` to keep almost no row. Expecting fewer rows than a
 *   page, it could read the learner's whole history and sort it instead: for a learner with 10,000
 *   challenges, older than 200 other learners' 100 each, 13-17 ms on PostgreSQL and 28-35 ms on
 *   PGlite, against 0.06 and 0.14 ms in order. In the planner's eyes a CASE keeps half the rows.
 */
async function readHistoryKeyPages(
	db: DbOrTx,
	asks: readonly HistoryPageAsk[],
): Promise<HistoryKey[][]> {
	const asked = asks.map(({ userId, page }, index) => ({
		position: index,
		user_id: userId,
		before_id: page.before ?? NEWEST,
		difficulty: page.difficulty ?? null,
		language: page.language ?? null,
		result: page.result ?? null,
		page_rows: page.limit + 1,
	}));
	const rows = await rawRows<{
		position: number;
		id: number;
		answer_id: number | null;
	}>(
		db,
		sql`
		SELECT asked.position, page.id, page.answer_id
		FROM jsonb_to_recordset(${JSON.stringify(asked)}::jsonb) AS asked(
			position int, user_id text, before_id int, difficulty text, language text, result text,
			page_rows int)
		CROSS JOIN LATERAL (
			SELECT ${challenges.id} AS id, ${answers.answerId} AS answer_id
			FROM ${challenges} LEFT JOIN ${answers} ON ${answers.challengeId} = ${challenges.id}
			WHERE ${challenges.userId} >= asked.user_id AND ${challenges.userId} <= asked.user_id
				AND ${challenges.id} < asked.before_id
				AND CASE WHEN asked.difficulty IS NULL THEN true
					ELSE ${challenges.difficulty} = asked.difficulty END
				AND CASE WHEN asked.language IS NULL THEN true
					ELSE ${challenges.language} = asked.language END
				-- an unanswered challenge has no answer row: correct and NOT correct are both null
				AND CASE asked.result
					WHEN 'correct' THEN ${answers.correct}
					WHEN 'incorrect' THEN NOT ${answers.correct}
					WHEN 'unanswered' THEN ${answers.challengeId} IS NULL
					ELSE true END
			ORDER BY ${challenges.userId} DESC, ${challenges.id} DESC
			LIMIT asked.page_rows
		) AS page
		ORDER BY asked.position, page.id DESC`,
	);
	const pages: HistoryKey[][] = asks.map(() => []);
	for (const row of rows)
		pages[row.position]?.push({ id: row.id, answerId: row.answer_id });
	return pages;
}

/**
 * History pages are read in batches (batched-reads.ts): under load, the pages asked while others
 * are being read are read together, in one round trip instead of one each.
 */
const historyKeyPages = preparedPerDb((db) =>
	batchedReads((asks: readonly HistoryPageAsk[]) =>
		readHistoryKeyPages(db, asks),
	),
);

/** One page of a user's history as keys, newest first, and the cursor of the next page. */
export async function historyPageKeys(
	db: DbOrTx,
	userId: string,
	page: HistoryQuery,
): Promise<{ keys: HistoryKey[]; nextCursor: number | null }> {
	const rows = await historyKeyPages(db)({ userId, page });
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
