import type { DbOrTx } from "../../db/open-db.js";
import { deleteChallenges } from "../challenges/challenges.public.js";
import {
	deleteQuota,
	provisionQuota,
	type QuotaPolicy,
} from "../quota/quota.public.js";

/** A new user gets their initial quota; idempotent. Clerk's user.created webhook calls this. */
export function provisionUser(
	db: DbOrTx,
	userId: string,
	policy: QuotaPolicy,
	now: Date,
): Promise<boolean> {
	return provisionQuota(db, userId, policy, now);
}

/** Removes everything stored about a user; a later request from the same id starts afresh. */
export async function deleteUser(db: DbOrTx, userId: string): Promise<void> {
	await deleteChallenges(db, userId);
	await deleteQuota(db, userId);
}
