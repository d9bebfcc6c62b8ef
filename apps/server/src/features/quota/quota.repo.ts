import {
	and,
	count,
	eq,
	gt,
	inArray,
	isNull,
	lt,
	notInArray,
	or,
	sql,
} from "drizzle-orm";
import { batchedReads } from "../../db/batched-reads.js";
import type { Db, DbOrTx } from "../../db/open-db.js";
import { preparedPerDb } from "../../db/prepared.js";
import { quotaHolds, quotas } from "../../db/schema.js";
import { liveInstanceIds } from "../../db/server-instances.js";

/** Generations one user may have in flight at once, on all processes together. */
export const MAX_IN_FLIGHT_PER_USER = 2;

export interface QuotaPolicy {
	initial: number;
	daily: number;
	resetHours: number;
}

export interface QuotaRow {
	userId: string;
	quotaRemaining: number;
	lastResetDate: Date;
}

const HOUR_MS = 3_600_000;

export const nextResetAt = (
	row: Pick<QuotaRow, "lastResetDate">,
	policy: QuotaPolicy,
) => new Date(row.lastResetDate.getTime() + policy.resetHours * HOUR_MS);

/**
 * The quota after a possible refill, as SQL: once the window has passed since the last reset,
 * the balance rises to the daily level (a higher balance is never lowered) and the window restarts.
 */
function refilled(policy: QuotaPolicy, now: Date) {
	const due = sql<boolean>`${quotas.lastResetDate} <= ${windowStart(policy, now)}`;
	return {
		due,
		balance: sql<number>`CASE WHEN ${due} THEN GREATEST(${quotas.quotaRemaining}, ${policy.daily}) ELSE ${quotas.quotaRemaining} END`,
		lastReset: sql<Date>`CASE WHEN ${due} THEN ${now}::timestamptz ELSE ${quotas.lastResetDate} END`,
	};
}

/** A window that started at or before this moment has passed: the quota refills. */
const windowStart = (policy: QuotaPolicy, now: Date) =>
	new Date(now.getTime() - policy.resetHours * HOUR_MS);

const columns = {
	userId: quotas.userId,
	quotaRemaining: quotas.quotaRemaining,
	lastResetDate: quotas.lastResetDate,
};

interface QuotaAsk {
	userId: string;
	/** windowStart: a window that started at or before it has passed */
	dueBefore: Date;
}

/** The quota rows of these users as stored; a user who has none yet has no row. */
const quotaRowsOf = preparedPerDb((db) =>
	db
		.select(columns)
		.from(quotas)
		.where(sql`${quotas.userId} = ANY(${sql.placeholder("userIds")})`)
		.prepare("quota_rows"),
);

/**
 * The quota rows of several users, and whether each one's window has passed; undefined for a user
 * who has none yet. Quota reads are the hot path of every page: under load, the reads asked while
 * others run go together in one statement (batched-reads.ts) instead of a round trip each.
 */
const quotaReads = preparedPerDb((db) =>
	batchedReads(async (asks: readonly QuotaAsk[]) => {
		const rows = await quotaRowsOf(db).execute({
			userIds: [...new Set(asks.map((ask) => ask.userId))],
		});
		const byUser = new Map(rows.map((row) => [row.userId, row]));
		return asks.map(({ userId, dueBefore }) => {
			const row = byUser.get(userId);
			return row && { ...row, due: row.lastResetDate <= dueBefore };
		});
	}),
);

const newQuota = (userId: string, policy: QuotaPolicy, now: Date) => ({
	userId,
	quotaRemaining: policy.initial,
	lastResetDate: now,
	createdAt: now,
});

/** Gives a user a quota of `initial` if they have none; idempotent (webhook, first request, sign-up). */
export async function provisionQuota(
	db: DbOrTx,
	userId: string,
	policy: QuotaPolicy,
	now: Date,
): Promise<boolean> {
	const created = await db
		.insert(quotas)
		.values(newQuota(userId, policy, now))
		.onConflictDoNothing()
		.returning({ userId: quotas.userId });
	return created.length > 0;
}

/**
 * The user's quota: one SELECT, the hot path of every page. Only a user's first contact and the
 * first read after a window has passed write (the upsert below), because the refill starts the
 * next window at that moment: a read that computed it without storing it would move the window.
 */
export async function readQuota(
	db: DbOrTx,
	userId: string,
	policy: QuotaPolicy,
	now: Date,
): Promise<QuotaRow> {
	const current = await quotaReads(db)({
		userId,
		dueBefore: windowStart(policy, now),
	});
	if (current && !current.due) {
		const { due: _, ...row } = current;
		return row;
	}
	return provisionOrRefill(db, userId, policy, now);
}

/** Provisions the user's quota, or refills it when due, in one statement. */
async function provisionOrRefill(
	db: DbOrTx,
	userId: string,
	policy: QuotaPolicy,
	now: Date,
): Promise<QuotaRow> {
	const { balance, lastReset } = refilled(policy, now);
	const [row] = await db
		.insert(quotas)
		.values(newQuota(userId, policy, now))
		.onConflictDoUpdate({
			target: quotas.userId,
			set: { quotaRemaining: balance, lastResetDate: lastReset },
		})
		.returning(columns);
	if (!row) throw new Error("upsert returned no quota row");
	return row;
}

export type TakeResult =
	| { taken: true; holdId: number; quota: QuotaRow }
	| { taken: false; reason: "exhausted"; quota: QuotaRow }
	| { taken: false; reason: "in_flight" };

/** Who takes a unit: the user, and the server process that will generate (it owns the hold). */
export interface Taker {
	userId: string;
	owner: string;
}

/**
 * Takes one unit, atomically: a conditional UPDATE that refills and decrements in one statement,
 * so concurrent requests on any number of processes can never overspend. The unit is recorded as
 * a hold, owned by this process, until the challenge is stored (or refunded), so a crash in
 * between loses nothing. A user with MAX_IN_FLIGHT_PER_USER generations in flight gets none.
 */
export async function takeQuotaUnit(
	db: Db,
	taker: Taker,
	policy: QuotaPolicy,
	now: Date,
): Promise<TakeResult> {
	const taken = await takeFromExisting(db, taker, policy, now);
	if (taken) return taken;
	// the row may not exist yet (a user's first requests): provision it, whoever wins the insert, and try once more
	await provisionQuota(db, taker.userId, policy, now);
	const retried = await takeFromExisting(db, taker, policy, now);
	if (retried) return retried;
	return {
		taken: false,
		reason: "exhausted",
		quota: await readQuota(db, taker.userId, policy, now),
	};
}

/** Ends the transaction that took a unit, giving the unit back. */
class TooManyInFlight extends Error {}

/**
 * The conditional UPDATE and the hold, in one transaction; undefined when no unit is left (or no
 * row exists). The UPDATE locks the user's quota row until the transaction ends, and every hold
 * is inserted under that lock, so the count of holds that follows it sees every other taker's.
 */
async function takeFromExisting(
	db: Db,
	{ userId, owner }: Taker,
	policy: QuotaPolicy,
	now: Date,
): Promise<TakeResult | undefined> {
	const { balance, lastReset } = refilled(policy, now);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.update(quotas)
				.set({ quotaRemaining: sql`${balance} - 1`, lastResetDate: lastReset })
				.where(and(eq(quotas.userId, userId), gt(balance, 0)))
				.returning(columns);
			if (!row) return undefined;
			const [inFlight] = await tx
				.select({ holds: count() })
				.from(quotaHolds)
				// a hold whose process died is not in flight: it is about to be refunded
				.where(
					and(
						eq(quotaHolds.userId, userId),
						inArray(quotaHolds.owner, liveInstanceIds(tx)),
					),
				);
			if ((inFlight?.holds ?? 0) >= MAX_IN_FLIGHT_PER_USER)
				throw new TooManyInFlight();
			const [hold] = await tx
				.insert(quotaHolds)
				.values({ userId, owner, createdAt: now })
				.returning({ id: quotaHolds.id });
			if (!hold) throw new Error("insert returned no hold");
			return { taken: true as const, holdId: hold.id, quota: row };
		});
	} catch (error) {
		if (error instanceof TooManyInFlight)
			return { taken: false, reason: "in_flight" };
		throw error;
	}
}

/**
 * Settles a hold whose challenge is being stored: the unit stays spent. Answers false when the
 * hold is gone: it was refunded because this process was taken for dead, so the unit is back and
 * the challenge must not be stored for free.
 */
export async function settleHold(db: DbOrTx, holdId: number): Promise<boolean> {
	const settled = await db
		.delete(quotaHolds)
		.where(eq(quotaHolds.id, holdId))
		.returning({ id: quotaHolds.id });
	return settled.length > 0;
}

/**
 * Gives a held unit back; only the first release of a hold refunds, so a retry cannot double it.
 * Answers whether this call gave it back.
 */
export function refundHold(db: Db, holdId: number): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [released] = await tx
			.delete(quotaHolds)
			.where(eq(quotaHolds.id, holdId))
			.returning({ userId: quotaHolds.userId });
		if (released) await refundUnits(tx, released.userId, 1);
		return released !== undefined;
	});
}

async function refundUnits(
	db: DbOrTx,
	userId: string,
	units: number,
): Promise<void> {
	await db
		.update(quotas)
		.set({ quotaRemaining: sql`${quotas.quotaRemaining} + ${units}` })
		.where(eq(quotas.userId, userId));
}

/**
 * Refunds the holds of generations that can no longer finish: those owned by a process that
 * stopped heartbeating, and those from before holds had owners once older than `ownerlessBefore`.
 * Returns how many units it gave back.
 */
export async function refundOrphanedHolds(
	db: Db,
	ownerlessBefore: Date,
): Promise<number> {
	return db.transaction(async (tx) => {
		const released = await tx
			.delete(quotaHolds)
			.where(
				or(
					notInArray(quotaHolds.owner, liveInstanceIds(tx)),
					and(
						isNull(quotaHolds.owner),
						lt(quotaHolds.createdAt, ownerlessBefore),
					),
				),
			)
			.returning({ userId: quotaHolds.userId });
		const perUser = new Map<string, number>();
		for (const { userId } of released)
			perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
		for (const [userId, units] of perUser) await refundUnits(tx, userId, units);
		return released.length;
	});
}

/** Removes a user's quota and holds (Clerk's user.deleted). */
export async function deleteQuota(db: DbOrTx, userId: string): Promise<void> {
	await db.delete(quotaHolds).where(eq(quotaHolds.userId, userId));
	await db.delete(quotas).where(eq(quotas.userId, userId));
}
