import { eq, gte, lt, ne, sql } from "drizzle-orm";
import type { CleanupJob } from "../plugins/sweeper.js";
import type { DbOrTx } from "./open-db.js";
import { serverInstances } from "./schema.js";

/** How often a process writes its heartbeat. */
export const HEARTBEAT_EVERY_MS = 5_000;
/**
 * A process whose heartbeat is older than this has died (four missed beats: a busy event loop or
 * a slow database does not count as death). Heartbeats use the database's clock, which every
 * process shares, so clocks that differ between machines cannot make a live process look dead.
 */
export const INSTANCE_STALE_AFTER_MS = 20_000;

const staleBefore = sql`now() - make_interval(secs => ${INSTANCE_STALE_AFTER_MS / 1000})`;

/** The ids of the processes alive now, as a subquery for conditions such as `owner IN (…)`. */
export const liveInstanceIds = (db: DbOrTx) =>
	db
		.select({ id: serverInstances.id })
		.from(serverInstances)
		.where(gte(serverInstances.heartbeatAt, staleBefore));

/**
 * Records that this process is alive. Also re-registers a process the others took for dead (its
 * database connection was down for a while): its generations from before were refunded, and it
 * carries on as a new owner.
 */
export async function beat(db: DbOrTx, id: string): Promise<void> {
	await db
		.insert(serverInstances)
		.values({ id, startedAt: sql`now()`, heartbeatAt: sql`now()` })
		.onConflictDoUpdate({
			target: serverInstances.id,
			set: { heartbeatAt: sql`now()` },
		});
}

/** Removes this process's row when it stops, so that nothing it might have left waits for staleness. */
export async function forgetInstance(db: DbOrTx, id: string): Promise<void> {
	await db.delete(serverInstances).where(eq(serverInstances.id, id));
}

/** Removes every other process: on an embedded database, which one process opens at a time, they are all gone. */
export async function forgetOtherInstances(
	db: DbOrTx,
	id: string,
): Promise<void> {
	await db.delete(serverInstances).where(ne(serverInstances.id, id));
}

/** Removes the rows of processes that died long ago; their holds were refunded when they went stale. */
export async function pruneDeadInstances(db: DbOrTx): Promise<void> {
	await db
		.delete(serverInstances)
		.where(
			lt(serverInstances.heartbeatAt, sql`${staleBefore} - interval '1 hour'`),
		);
}

/** For the sweeper: forgets processes long dead. */
export const instanceJobs = (db: DbOrTx): CleanupJob[] => [
	{ name: "forget dead server processes", run: () => pruneDeadInstances(db) },
];
