import type { WebhookAck } from "@app/contract";
import type { Db } from "../../db/open-db.js";
import type { QuotaPolicy } from "../quota/quota.public.js";
import { deleteUser, provisionUser } from "../users/users.public.js";
import type { ClerkDelivery } from "./clerk-delivery.js";
import { recordDelivery } from "./webhooks.repo.js";

export interface WebhookDeps {
	db: Db;
	now: () => Date;
	quota: QuotaPolicy;
}

/**
 * Applies a verified Clerk event: user.created provisions the user's quota, user.deleted removes
 * everything stored about them, anything else is ignored. The delivery id and the effect commit
 * together, so a redelivery (after a crash too) has no second effect.
 */
export async function handleClerkEvent(
	deps: WebhookDeps,
	{ id, event }: ClerkDelivery,
): Promise<WebhookAck> {
	const { type, data } = event;
	if (type !== "user.created" && type !== "user.deleted")
		return { status: "ignored" };
	const now = deps.now();
	return deps.db.transaction(async (tx) => {
		if (!(await recordDelivery(tx, id, type, now)))
			return { status: "duplicate" as const };
		if (type === "user.created")
			await provisionUser(tx, data.id, deps.quota, now);
		else await deleteUser(tx, data.id);
		return { status: "processed" as const };
	});
}
