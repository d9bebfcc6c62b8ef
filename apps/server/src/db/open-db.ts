import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as authSchema from "./auth-schema.js";
import { createPglite } from "./pglite-client.js";
import { createPgliteCluster } from "./pglite-init.js";
import * as appSchema from "./schema.js";

const schema = { ...appSchema, ...authSchema };

export type Schema = typeof schema;
/** The one database type repos see; they never know which engine runs underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, usable wherever a repo function takes a Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
	db: Db;
	engine: "pglite" | "postgres";
	close(): Promise<void>;
}

// next to this module: committed in src/db, copied to dist/db by the build, so dist runs without src
const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));
const casing = "snake_case";
/** Serialises migrations when several server processes start at once on one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_254_001;

/** Wraps an open PGlite (file-backed or in memory) and applies the migrations. */
export async function usePglite(client: PGlite): Promise<Database> {
	const db = drizzlePglite({ client, schema, casing });
	await migratePglite(db, { migrationsFolder: MIGRATIONS });
	return { db, engine: "pglite", close: () => client.close() };
}

/** Where the database reports trouble that no query is waiting for. */
export interface DbLog {
	warn(details: Record<string, unknown>, message: string): void;
}

const consoleLog: DbLog = {
	warn: (details, message) => console.warn(message, details),
};

/**
 * Wraps a PostgreSQL pool and applies the migrations under an advisory lock. When the server
 * closes an idle connection (restart, failover, pg_terminate_backend), node-postgres emits
 * 'error' on the pool, and an 'error' event without a listener ends the process: the
 * listener logs it, the pool drops that connection, and the next query opens a new one.
 */
export async function usePostgres(
	pool: pg.Pool,
	log: DbLog = consoleLog,
): Promise<Database> {
	pool.on("error", (error: Error & { code?: string }) => {
		// the message and SQLSTATE only: never the connection settings, which hold the password
		log.warn(
			{ reason: error.message, code: error.code },
			"PostgreSQL closed an idle connection; the next query opens a new one",
		);
	});
	const client = await pool.connect();
	try {
		await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
		await migratePostgres(drizzlePostgres({ client, casing }), {
			migrationsFolder: MIGRATIONS,
		});
	} finally {
		await client
			.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
			.catch(() => undefined);
		client.release();
	}
	const db = drizzlePostgres({ client: pool, schema, casing });
	return { db, engine: "postgres", close: () => pool.end() };
}

/** Opens the database config names: PostgreSQL when DATABASE_URL is set, else PGlite files in DATA_DIR. */
export async function openDb(
	config: { databaseUrl: string | null; dataDir: string },
	log?: DbLog,
): Promise<Database> {
	if (config.databaseUrl)
		return usePostgres(
			new pg.Pool({ connectionString: config.databaseUrl, max: 10 }),
			log,
		);
	const folder = join(config.dataDir, "pglite");
	await mkdir(folder, { recursive: true });
	await createPgliteCluster(folder);
	return usePglite(createPglite(folder));
}
