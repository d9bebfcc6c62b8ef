import { sql } from "drizzle-orm";
import type { CleanupJob } from "../plugins/sweeper.js";
import type { Database } from "./open-db.js";
import { rawRows } from "./raw-rows.js";

/**
 * PostgreSQL's autovacuum thresholds: a table is analyzed once rows changed since its last
 * analysis exceed 50 + 10 % of its rows, and vacuumed once its dead rows exceed 50 + 20 %.
 */
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;

/**
 * PostgreSQL's autovacuum, which PGlite does not have: a PGlite process runs no background
 * worker, so its tables were never analyzed and never vacuumed. Without statistics the planner
 * guessed, and read a user's whole history to show 20 rows of it (36 ms instead of 0.1 ms for a
 * user with 10,000 challenges); without vacuum, the tables rewritten all the time (a heartbeat
 * every 5 s, a quota row per generation) grew forever. So, with the sweeper: everything is
 * analyzed at start, then each table that crossed autovacuum's thresholds (read from the
 * statistics PGlite does keep, one small query) is analyzed or vacuumed, alone. ANALYZE samples a
 * bounded number of rows however large a table grows. PostgreSQL gets no job: autovacuum does it.
 */
export function pgliteMaintenanceJobs(database: Database): CleanupJob[] {
	if (database.engine !== "pglite") return [];
	const { db } = database;
	let started = false;
	return [
		{
			name: "vacuum and analyze the embedded database",
			run: async () => {
				if (!started) {
					await db.execute(sql`ANALYZE`);
					started = true;
					return;
				}
				const tables = await rawRows<{
					name: string;
					vacuum: boolean;
					analyze: boolean;
				}>(
					db,
					sql`
					SELECT quote_ident(relname) AS name,
						n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SCALE}::float8 * n_live_tup AS vacuum,
						n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SCALE}::float8 * n_live_tup AS analyze
					FROM pg_stat_user_tables`,
				);
				for (const table of tables) {
					// VACUUM (ANALYZE) does both; a table needing only statistics gets ANALYZE
					if (table.vacuum)
						await db.execute(sql.raw(`VACUUM (ANALYZE) ${table.name}`));
					else if (table.analyze)
						await db.execute(sql.raw(`ANALYZE ${table.name}`));
				}
			},
		},
	];
}
