import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { usePglite, usePostgres } from "../src/db/open-db.js";
import {
	createDatabase,
	dropRunDatabases,
	newRunPrefix,
} from "./helpers/postgres-run.js";

declare module "vitest" {
	export interface ProvidedContext {
		/** a migrated PGlite data directory, dumped to a file; each test file loads its own copy */
		pgliteTemplate: string;
		/** a migrated PostgreSQL database that test files clone, when TEST_DATABASE_URL is set */
		postgresTemplate: string | null;
		/** the name prefix of every PostgreSQL database this run creates; teardown drops only those */
		postgresPrefix: string;
	}
}

/** Migrates once per run; test files then clone the result instead of migrating from scratch. */
export default async function setup(project: TestProject) {
	const folder = await mkdtemp(join(tmpdir(), "cct-test-"));
	const template = new PGlite();
	const migrated = await usePglite(template);
	const dump = await template.dumpDataDir("none");
	await migrated.close();
	const pgliteTemplate = join(folder, "pglite-template.tar");
	await writeFile(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
	project.provide("pgliteTemplate", pgliteTemplate);

	const adminUrl = process.env.TEST_DATABASE_URL;
	const postgresPrefix = newRunPrefix();
	let postgresTemplate: string | null = null;
	if (adminUrl) {
		postgresTemplate = `${postgresPrefix}template`;
		const database = await usePostgres(
			new pg.Pool({
				connectionString: await createDatabase(adminUrl, postgresTemplate),
			}),
		);
		await database.close();
	}
	project.provide("postgresTemplate", postgresTemplate);
	project.provide("postgresPrefix", postgresPrefix);

	return async () => {
		await rm(folder, { recursive: true, force: true });
		if (adminUrl) await dropRunDatabases(adminUrl, postgresPrefix);
	};
}
