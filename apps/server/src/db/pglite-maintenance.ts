import { sql } from "drizzle-orm";
import type { CleanupJob } from "../plugins/sweeper.js";
import type { Database } from "./open-db.js";

/** How often the embedded database is vacuumed and its statistics refreshed. */
export const MAINTAIN_EVERY_MS = 10 * 60_000;

/**
 * Tables rewritten all the time (a heartbeat every 5 s, a quota row per generation, holds, rate
 * counters): each update leaves a dead row version that only VACUUM reclaims.
 */
const CHURNING_TABLES = [
	"server_instances",
	"quotas",
	"quota_holds",
	"rate_limit_counters",
	"challenge_pool",
	"sign_in_attempts",
] as const;

/**
 * PostgreSQL's autovacuum, which PGlite does not have: a PGlite process runs no background
 * worker, so its tables were never analyzed and never vacuumed. Without statistics the planner
 * guessed, and read a user's whole history to show 20 rows of it (36 ms instead of 0.1 ms for a
 * user with 10,000 challenges); without vacuum, the churning tables grew forever. This runs at
 * start and every MAINTAIN_EVERY_MS: a VACUUM of the small churning tables and an ANALYZE of all
 * (which samples a bounded number of rows however large a table grows), each a few ms that block
 * the embedded database. PostgreSQL gets no job: its autovacuum does this.
 */
export function pgliteMaintenanceJobs(database: Database): CleanupJob[] {
	if (database.engine !== "pglite") return [];
	// a monotonic clock: tests move the app's clock back and forth
	let lastRun = Number.NEGATIVE_INFINITY;
	return [
		{
			name: "vacuum and analyze the embedded database",
			run: async () => {
				if (performance.now() - lastRun < MAINTAIN_EVERY_MS) return;
				lastRun = performance.now();
				await database.db.execute(
					sql.raw(`VACUUM ${CHURNING_TABLES.join(", ")}`),
				);
				await database.db.execute(sql`ANALYZE`);
			},
		},
	];
}
