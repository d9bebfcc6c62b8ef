import { eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/open-db.js";
import { signInAttempts } from "../../db/schema.js";

/*
 * No longer written: sign-in attempts are counted per account and client in rate_limit_counters
 * (sign-in-throttle.ts), which pruneRateLimitCounters sweeps. Kept while the sweeper still calls
 * pruneSignInAttempts, which empties the rows from before; then this file and the sign_in_attempts
 * table can go, with a migration.
 */

/** At most this many sign-ins per account per window without a success. */
export const MAX_SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** A window that started at or before this has ended: its count no longer limits anything. */
const windowStartBefore = (now: Date) =>
	new Date(now.getTime() - SIGN_IN_WINDOW_MS);

/**
 * Counts one sign-in attempt for an account, atomically, before the password is checked, so that
 * concurrent guesses cannot slip past the limit. Returns whether the attempt may proceed and,
 * if not, when the window ends.
 */
export async function countSignInAttempt(
	db: DbOrTx,
	email: string,
	now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
	const expired = sql`${signInAttempts.windowStartedAt} <= ${windowStartBefore(now)}`;
	const [row] = await db
		.insert(signInAttempts)
		.values({ email, attempts: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: signInAttempts.email,
			set: {
				attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInAttempts.attempts} + 1 END`,
				windowStartedAt: sql`CASE WHEN ${expired} THEN ${now}::timestamptz ELSE ${signInAttempts.windowStartedAt} END`,
			},
		})
		.returning();
	if (!row || row.attempts <= MAX_SIGN_IN_ATTEMPTS) return { allowed: true };
	return {
		allowed: false,
		retryAt: new Date(row.windowStartedAt.getTime() + SIGN_IN_WINDOW_MS),
	};
}

/** A successful sign-in clears the account's count. */
export async function clearSignInAttempts(
	db: DbOrTx,
	email: string,
): Promise<void> {
	await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
}

/**
 * Deletes the counts whose window has ended, one per email ever tried (guessed ones included);
 * the next attempt would have started from 1 anyway. Returns how many.
 */
export async function pruneSignInAttempts(
	db: DbOrTx,
	now: Date,
): Promise<number> {
	const pruned = await db
		.delete(signInAttempts)
		.where(lte(signInAttempts.windowStartedAt, windowStartBefore(now)))
		.returning({ email: signInAttempts.email });
	return pruned.length;
}
