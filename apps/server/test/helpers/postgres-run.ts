import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "./database-url.js";

/**
 * Every PostgreSQL database a test run creates is named `cct_<start time>_<random>_…`: runs
 * sharing one server (two checkouts, CI next to a developer) drop only their own databases.
 */
const RUN_NAME = /^cct_([0-9a-z]+)_[0-9a-f]{6}_/;

/** A run that started this long ago is long dead; its databases are left-overs of a killed run. */
const ABANDONED_AFTER_MS = 24 * 3_600_000;

/** The name prefix of a run starting now. */
export function newRunPrefix(now = new Date()): string {
	return `cct_${now.getTime().toString(36)}_${randomUUID().slice(0, 6)}_`;
}

async function withAdmin<T>(
	adminUrl: string,
	use: (admin: pg.Client) => Promise<T>,
): Promise<T> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		return await use(admin);
	} finally {
		await admin.end();
	}
}

/** Creates the database `name` (a copy of `template` when given); returns its URL. */
export async function createDatabase(
	adminUrl: string,
	name: string,
	template?: string,
): Promise<string> {
	await withAdmin(adminUrl, (admin) =>
		admin.query(
			`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`,
		),
	);
	return databaseUrl(adminUrl, name);
}

/** A fresh copy of the run's template, named with the run's prefix; returns its URL. */
export function cloneDatabase(
	adminUrl: string,
	template: string,
	prefix: string,
): Promise<string> {
	const name = `${prefix}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
	return createDatabase(adminUrl, name, template);
}

/**
 * Drops the databases of this run, and those of runs abandoned a day ago or more; never those of
 * another run still going. Returns the names dropped.
 */
export function dropRunDatabases(
	adminUrl: string,
	prefix: string,
	now = new Date(),
): Promise<string[]> {
	return withAdmin(adminUrl, async (admin) => {
		const { rows } = await admin.query<{ datname: string }>(
			"SELECT datname FROM pg_database WHERE starts_with(datname, 'cct_')",
		);
		const doomed = rows
			.map((row) => row.datname)
			.filter((name) => {
				if (name.startsWith(prefix)) return true;
				const started = RUN_NAME.exec(name)?.[1];
				return (
					started !== undefined &&
					now.getTime() - Number.parseInt(started, 36) >= ABANDONED_AFTER_MS
				);
			});
		for (const name of doomed)
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		return doomed;
	});
}
