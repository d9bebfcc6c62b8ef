import type { Generator } from "@app/generator";
import type { Db } from "./db/open-db.js";
import type { SeenVariants } from "./features/challenges/seen-variants.js";
import type { ChallengePool } from "./features/pool/pool.public.js";
import type { QuotaPolicy } from "./features/quota/quota.public.js";
import type { AppMetrics } from "./metrics/app-metrics.js";

declare module "fastify" {
	interface FastifyInstance {
		/** what feature functions work with; handlers pass it on (never logged) */
		services: Services;
	}
}

/**
 * The one dependency object, built once in buildApp and decorated on the app. Each feature
 * function declares the part it needs (GenerateDeps, AccountsDeps…), which this satisfies.
 */
export interface Services {
	db: Db;
	/** the clock; tests move it */
	now: () => Date;
	generator: Generator;
	/** ready challenges per cell; null when POOL_SIZE is 0 or generation is offline */
	pool: ChallengePool | null;
	/** this server process: it owns the quota holds of the generations it runs */
	instanceId: string;
	quota: QuotaPolicy;
	/** what each user was served, per cell, kept per process and topped up from the database */
	seenVariants: SeenVariants;
	/** what the server counts for Prometheus (GET /metrics) */
	metrics: AppMetrics;
}
