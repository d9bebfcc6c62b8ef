import type { Db } from "../../db/open-db.js";
import type { CleanupJob } from "../../plugins/sweeper.js";
import { pruneDeliveries } from "./webhooks.repo.js";

/**
 * Svix retries a failed delivery for about three days; a delivery id is kept well beyond that,
 * so a retry is still recognised as a redelivery, and then forgotten.
 */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3_600_000;

export const webhookJobs = (db: Db): CleanupJob[] => [
	{
		name: "forget old webhook deliveries",
		run: (now) =>
			pruneDeliveries(db, new Date(now.getTime() - DELIVERY_RETENTION_MS)),
	},
];
