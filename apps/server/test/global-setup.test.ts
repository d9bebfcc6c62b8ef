import pg from "pg";
import { describe, expect, it } from "vitest";
import type { TestProject } from "vitest/node";
import setup from "./global-setup.js";
import {
	cloneDatabase,
	createDatabase,
	dropRunDatabases,
	newRunPrefix,
} from "./helpers/postgres-run.js";

const adminUrl = process.env.TEST_DATABASE_URL ?? "";
const DAY_MS = 24 * 3_600_000;

async function existing(names: string[]): Promise<string[]> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		const { rows } = await admin.query<{ datname: string }>(
			"SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY datname",
			[names],
		);
		return rows.map((row) => row.datname);
	} finally {
		await admin.end();
	}
}

describe.runIf(adminUrl)("the test run's global setup on PostgreSQL", () => {
	it("drops its own template and clones at teardown, and leaves a concurrent run's databases alone", async () => {
		const provided = new Map<string, unknown>();
		const project = {
			provide: (key: string, value: unknown) => provided.set(key, value),
		} as unknown as TestProject;
		const teardown = await setup(project);
		const template = String(provided.get("postgresTemplate"));
		const prefix = String(provided.get("postgresPrefix"));
		expect(template.startsWith(prefix)).toBe(true);
		const clone = new URL(
			await cloneDatabase(adminUrl, template, prefix),
		).pathname.slice(1);
		const otherRunPrefix = newRunPrefix();
		const otherRun = [`${otherRunPrefix}template`, `${otherRunPrefix}clone`];
		for (const name of otherRun) await createDatabase(adminUrl, name);
		const abandoned = `${newRunPrefix(new Date(Date.now() - 2 * DAY_MS))}template`;
		await createDatabase(adminUrl, abandoned);
		try {
			expect(await existing([template, clone])).toHaveLength(2);
			await teardown();
			expect(await existing([template, clone, abandoned])).toEqual([]);
			expect(await existing(otherRun)).toEqual([...otherRun].sort());
		} finally {
			await dropRunDatabases(adminUrl, otherRunPrefix);
		}
	});
});
