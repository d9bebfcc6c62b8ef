import type {
	Difficulty,
	Language,
	Misconception,
	MisconceptionsQuery,
} from "@app/contract";
import { ideaById, ideaLevels } from "@app/generator";
import {
	and,
	count,
	desc,
	eq,
	gt,
	inArray,
	isNotNull,
	lte,
	max,
	sql,
} from "drizzle-orm";
import type { DbOrTx } from "../../db/open-db.js";
import { parsedJson } from "../../db/parsed-json.js";
import { preparedPerDb } from "../../db/prepared.js";
import { answers, challenges } from "../../db/schema.js";
import {
	ideaToReview,
	type OpenIdea,
	REVIEW_EVERY,
} from "./review-schedule.js";

/** How a learner stands on one idea: every answered challenge on it, and their last misconception on it. */
export interface IdeaSummary {
	idea: string;
	answered: number;
	correct: number;
	/** when they last chose an option whose misconception is known; null if never */
	lastWrongAt: Date | null;
	/** their last two answers on the idea were both right */
	resolved: boolean;
}

/** Answers on ideas, with each answer's rank among the user's answers on its idea (1 = the latest). */
function rankedAnswers(db: DbOrTx, userId: string) {
	return db
		.select({
			idea: sql<string>`${challenges.idea}`.as("idea"),
			correct: answers.correct,
			rank: sql<number>`row_number() over (partition by ${challenges.idea} order by ${answers.answeredAt} desc, ${answers.challengeId} desc)`.as(
				"rank",
			),
		})
		.from(answers)
		.innerJoin(challenges, eq(challenges.id, answers.challengeId))
		.where(and(eq(answers.userId, userId), isNotNull(challenges.idea)))
		.as("ranked");
}

/** The user's standing on every idea they answered a challenge on. */
export async function ideaSummaries(
	db: DbOrTx,
	userId: string,
): Promise<IdeaSummary[]> {
	const totals = await db
		.select({
			idea: sql<string>`${challenges.idea}`,
			answered: count(),
			correct: sql<number>`count(*) filter (where ${answers.correct})`.mapWith(
				Number,
			),
			lastWrongAt:
				sql<Date | null>`max(${answers.answeredAt}) filter (where ${answers.misconceptionId} is not null)`.mapWith(
					(value: string | Date | null) =>
						value === null ? null : new Date(value),
				),
		})
		.from(answers)
		.innerJoin(challenges, eq(challenges.id, answers.challengeId))
		.where(and(eq(answers.userId, userId), isNotNull(challenges.idea)))
		.groupBy(challenges.idea)
		.orderBy(challenges.idea);
	const ranked = rankedAnswers(db, userId);
	const latest = await db
		.select({
			idea: ranked.idea,
			right: sql<number>`count(*) filter (where ${ranked.correct})`.mapWith(
				Number,
			),
		})
		.from(ranked)
		.where(lte(ranked.rank, 2))
		.groupBy(ranked.idea);
	const lastTwoRight = new Set(
		latest.filter((row) => row.right === 2).map((row) => row.idea),
	);
	return totals.map((row) => ({
		...row,
		resolved: lastTwoRight.has(row.idea),
	}));
}

/** A misconception the learner has shown: how often and when last, with its latest wording. */
export interface ChosenMisconception {
	misconception: Misconception;
	times: number;
	lastAt: Date;
}

/** The user's misconceptions, most recently chosen first, one page of them (and whether more exist). */
export async function chosenMisconceptions(
	db: DbOrTx,
	userId: string,
	page: MisconceptionsQuery,
): Promise<{ rows: ChosenMisconception[]; more: boolean }> {
	const lastAt = max(answers.answeredAt);
	const rows = await db
		.select({
			id: sql<string>`${answers.misconceptionId}`,
			times: count(),
			lastAt: sql<Date>`${lastAt}`.mapWith(
				(value: string | Date) => new Date(value),
			),
			// the wording the learner saw last (a model's challenges word one belief in several ways)
			latest: sql<Misconception>`(array_agg(${challenges.misconceptions} -> ${answers.answerId} order by ${answers.answeredAt} desc))[1]`,
		})
		.from(answers)
		.innerJoin(challenges, eq(challenges.id, answers.challengeId))
		.where(and(eq(answers.userId, userId), isNotNull(answers.misconceptionId)))
		.groupBy(answers.misconceptionId)
		.orderBy(desc(lastAt), answers.misconceptionId)
		.limit(page.limit + 1)
		.offset(page.offset);
	return {
		rows: rows.slice(0, page.limit).map((row) => ({
			misconception: parsedJson(row.latest),
			times: row.times,
			lastAt: row.lastAt,
		})),
		more: rows.length > page.limit,
	};
}

/** The latest wording of the user's misconception on an idea, for a model asked to probe it. */
export async function latestStatement(
	db: DbOrTx,
	userId: string,
	idea: string,
): Promise<string | undefined> {
	const [row] = await db
		.select({
			latest: sql<Misconception>`${challenges.misconceptions} -> ${answers.answerId}`,
		})
		.from(answers)
		.innerJoin(challenges, eq(challenges.id, answers.challengeId))
		.where(
			and(
				eq(answers.userId, userId),
				eq(challenges.idea, idea),
				isNotNull(answers.misconceptionId),
			),
		)
		.orderBy(desc(answers.answeredAt))
		.limit(1);
	return row ? parsedJson(row.latest).statement : undefined;
}

/** What the user's latest challenges reviewed: one of them reviewing an idea means no review is due. */
const latestReviews = preparedPerDb((db) =>
	db
		.select({ reviewOf: challenges.reviewOf })
		.from(challenges)
		.where(eq(challenges.userId, sql.placeholder("userId")))
		.orderBy(desc(challenges.id))
		.limit(REVIEW_EVERY - 1)
		.prepare("latest_reviews"),
);

/** Any answer of the user's that showed a belief; none means nothing to review. */
const firstBelief = preparedPerDb((db) =>
	db
		.select({ id: answers.challengeId })
		.from(answers)
		.where(
			and(
				eq(answers.userId, sql.placeholder("userId")),
				isNotNull(answers.misconceptionId),
			),
		)
		.limit(1)
		.prepare("first_belief"),
);

/**
 * The idea the user's next challenge in a cell should review, or null: see review-schedule.
 * Only ideas with an open misconception count, taught in the cell's language at its level (a
 * review never changes what the learner asked for). It runs before most generations, so the cheap
 * refusals (a review among the last challenges, no misconception ever) come first.
 */
export async function dueReview(
	db: DbOrTx,
	userId: string,
	cell: { difficulty: Difficulty; language: Language },
	now: Date,
): Promise<string | null> {
	const latestReviewOf = (await latestReviews(db).execute({ userId })).map(
		(row) => row.reviewOf,
	);
	if (latestReviewOf.some((idea) => idea !== null)) return null;
	const [anyBelief] = await firstBelief(db).execute({ userId });
	if (!anyBelief) return null;
	const open = (await ideaSummaries(db, userId)).filter(
		(idea): idea is IdeaSummary & { lastWrongAt: Date } =>
			idea.lastWrongAt !== null &&
			!idea.resolved &&
			ideaById(idea.idea)?.language === cell.language &&
			ideaLevels(idea.idea).includes(cell.difficulty),
	);
	if (open.length === 0) return null;
	const since = new Date(
		Math.min(...open.map((idea) => idea.lastWrongAt.getTime())),
	);
	const reviews = await db
		.select({ idea: challenges.reviewOf, at: challenges.createdAt })
		.from(challenges)
		.where(
			and(
				eq(challenges.userId, userId),
				inArray(
					challenges.reviewOf,
					open.map((idea) => idea.idea),
				),
				gt(challenges.createdAt, since),
			),
		)
		.orderBy(challenges.createdAt);
	const withReviews: OpenIdea[] = open.map((idea) => ({
		idea: idea.idea,
		lastWrongAt: idea.lastWrongAt,
		reviewsSince: reviews
			.filter((r) => r.idea === idea.idea && r.at > idea.lastWrongAt)
			.map((r) => r.at),
	}));
	return ideaToReview(withReviews, latestReviewOf, now);
}
