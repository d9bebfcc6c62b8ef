import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, usePglite, usePostgres } from "../../src/db/open-db.js";
import { createPglite } from "../../src/db/pglite-client.js";
import { cloneDatabase } from "./postgres-run.js";

export type Engine = "pglite" | "postgres";

/** The engines this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL
	? ["pglite", "postgres"]
	: ["pglite"];

/** A PGlite loaded from the migrated template: empty tables, about a second to open. */
async function pgliteDb(): Promise<Database> {
	const dump = await readFile(inject("pgliteTemplate"));
	return usePglite(createPglite(undefined, { loadDataDir: new Blob([dump]) }));
}

/** A throwaway PostgreSQL database cloned from the migrated template; its URL lets a second "server" connect. */
export async function createPostgresDatabase(): Promise<string> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	const template = inject("postgresTemplate");
	if (!adminUrl || !template) throw new Error("TEST_DATABASE_URL is not set");
	return cloneDatabase(adminUrl, template, inject("postgresPrefix"));
}

/** Opens a database like a server process does (its own pool), on a URL from createPostgresDatabase. */
export function connectPostgres(url: string): Promise<Database> {
	return usePostgres(new pg.Pool({ connectionString: url, max: 10 }));
}

/** An empty, migrated database of the given engine. */
export async function createTestDb(engine: Engine): Promise<Database> {
	return engine === "pglite"
		? pgliteDb()
		: connectPostgres(await createPostgresDatabase());
}
