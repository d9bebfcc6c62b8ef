import { eq, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/open-db.js";
import { rateLimitCounters } from "../db/schema.js";

/**
 * Named counters in rate_limit_counters, shared by every server process on one database. Each
 * change is one statement, so concurrent requests on any process cannot slip past a limit. The
 * module knows no feature: callers choose the keys (prefixed with their own name).
 */

const { key: keyColumn, hits, resetsAt } = rateLimitCounters;

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const millis = (ms: number) => sql`(${ms}::float8 * interval '1 millisecond')`;
/** the row's window has ended: its count no longer limits anything */
const endedAt = (now: Date) => sql`${resetsAt} <= ${at(now)}`;

export interface Counter {
	hits: number;
	resetsAt: Date;
}

/**
 * Counts one hit in a fixed window: the first hit of a window starts it, and windowMs later the
 * count starts again from 1. Returns the count including this hit, and when the window ends.
 */
export async function countHit(
	db: DbOrTx,
	key: string,
	now: Date,
	windowMs: number,
): Promise<Counter> {
	const ended = endedAt(now);
	const [row] = await db
		.insert(rateLimitCounters)
		.values({ key, hits: 1, resetsAt: new Date(now.getTime() + windowMs) })
		.onConflictDoUpdate({
			target: keyColumn,
			set: {
				hits: sql`CASE WHEN ${ended} THEN 1 ELSE ${hits} + 1 END`,
				resetsAt: sql`CASE WHEN ${ended} THEN ${at(now)} + ${millis(windowMs)} ELSE ${resetsAt} END`,
			},
		})
		.returning({ hits, resetsAt });
	if (!row) throw new Error(`rate-limit counter ${key} was not written`);
	return row;
}

/** The count of a window that has not ended, without counting a hit; null when there is none. */
export async function readCounter(
	db: DbOrTx,
	key: string,
	now: Date,
): Promise<Counter | null> {
	const [row] = await db
		.select({ hits, resetsAt })
		.from(rateLimitCounters)
		.where(eq(keyColumn, key));
	return row && row.resetsAt > now ? row : null;
}

export async function clearCounter(db: DbOrTx, key: string): Promise<void> {
	await db.delete(rateLimitCounters).where(eq(keyColumn, key));
}

/**
 * Growing waits: the first `free` hits pass at once; after that, each hit must wait
 * firstDelayMs after the previous one, doubled for every hit past `free`, at most maxDelayMs.
 * The count is forgotten forgetAfterMs after the last hit.
 */
export interface Backoff {
	free: number;
	firstDelayMs: number;
	maxDelayMs: number;
	forgetAfterMs: number;
}

/** The wait after `count` hits, in milliseconds: 0 while they are free. */
export function backoffDelayMs(backoff: Backoff, count: number): number {
	if (count < backoff.free) return 0;
	// past 2^30 the cap has long been reached; the exponent stays small enough for a float
	const doublings = Math.min(count - backoff.free, 30);
	return Math.min(backoff.firstDelayMs * 2 ** doublings, backoff.maxDelayMs);
}

/**
 * The same wait in SQL, for the row's own count. With a sliding window, resets_at is the last
 * hit plus forgetAfterMs, so the last hit is known without another column.
 */
function waitEnds(backoff: Backoff): SQL {
	const doublings = sql`LEAST(${hits} - ${backoff.free}::int, 30)`;
	const delayMs = sql`LEAST(${backoff.firstDelayMs}::float8 * power(2::float8, ${doublings}), ${backoff.maxDelayMs}::float8)`;
	return sql`${resetsAt} - ${millis(backoff.forgetAfterMs)} + (${delayMs} * interval '1 millisecond')`;
}

export type BackoffHit =
	| { allowed: true; hits: number }
	| { allowed: false; retryAt: Date };

/**
 * Counts one hit under a Backoff, unless the key is still waiting: then nothing is counted and
 * the answer says when the wait ends. The check and the count are one statement, so concurrent
 * hits get at most `free` through before the first wait.
 */
export async function countHitWithBackoff(
	db: DbOrTx,
	key: string,
	now: Date,
	backoff: Backoff,
): Promise<BackoffHit> {
	const ended = endedAt(now);
	const waiting = sql`${hits} >= ${backoff.free}::int AND ${at(now)} < ${waitEnds(backoff)}`;
	const [row] = await db
		.insert(rateLimitCounters)
		.values({
			key,
			hits: 1,
			resetsAt: new Date(now.getTime() + backoff.forgetAfterMs),
		})
		.onConflictDoUpdate({
			target: keyColumn,
			set: {
				hits: sql`CASE WHEN ${ended} THEN 1 ELSE ${hits} + 1 END`,
				resetsAt: sql`${at(now)} + ${millis(backoff.forgetAfterMs)}`,
			},
			setWhere: sql`${ended} OR NOT (${waiting})`,
		})
		.returning({ hits });
	if (row) return { allowed: true, hits: row.hits };
	const [wait] = await db
		.select({ until: sql`${waitEnds(backoff)}`.mapWith(resetsAt) })
		.from(rateLimitCounters)
		.where(eq(keyColumn, key));
	// the row went away in between (cleared or pruned): the wait is over
	const retryAt: Date = wait?.until ?? now;
	return { allowed: false, retryAt: retryAt > now ? retryAt : now };
}

/**
 * Deletes the counters whose window has ended: a later hit would start from 1 anyway. For the
 * sweeper; returns how many were deleted.
 */
export async function pruneRateLimitCounters(
	db: DbOrTx,
	now: Date,
): Promise<number> {
	const pruned = await db
		.delete(rateLimitCounters)
		.where(lte(resetsAt, now))
		.returning({ key: keyColumn });
	return pruned.length;
}
