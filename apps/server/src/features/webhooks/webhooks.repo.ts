import { lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/open-db.js";
import { webhookDeliveries } from "../../db/schema.js";

/** Stores a delivery id; false when it was already stored (a redelivery). */
export async function recordDelivery(
	db: DbOrTx,
	svixId: string,
	eventType: string,
	now: Date,
): Promise<boolean> {
	const stored = await db
		.insert(webhookDeliveries)
		.values({ svixId, eventType, receivedAt: now })
		.onConflictDoNothing()
		.returning({ svixId: webhookDeliveries.svixId });
	return stored.length > 0;
}

/** Forgets deliveries received before `receivedBefore`; returns how many. */
export async function pruneDeliveries(
	db: DbOrTx,
	receivedBefore: Date,
): Promise<number> {
	const pruned = await db
		.delete(webhookDeliveries)
		.where(lt(webhookDeliveries.receivedAt, receivedBefore))
		.returning({ svixId: webhookDeliveries.svixId });
	return pruned.length;
}
