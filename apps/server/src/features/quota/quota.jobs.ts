import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/open-db.js";
import type { AppMetrics } from "../../metrics/app-metrics.js";
import type { CleanupJob } from "../../plugins/sweeper.js";
import { refundOrphanedHolds } from "./quota.repo.js";

/** A hold without an owner (from before holds had owners) is refunded once this old. */
export const HOLD_TTL_MS = 10 * 60_000;

/** Gives back the units held by generations whose process died. */
export const quotaJobs = (
	db: Db,
	log: FastifyBaseLogger,
	metrics: AppMetrics,
): CleanupJob[] => [
	{
		name: "refund orphaned quota holds",
		run: async (now) => {
			const refunded = await refundOrphanedHolds(
				db,
				new Date(now.getTime() - HOLD_TTL_MS),
			);
			metrics.quotaUnit("refunded_after_crash", refunded);
			if (refunded > 0)
				log.warn(
					{ refunded },
					"refunded quota units held by interrupted generations",
				);
		},
	},
];
