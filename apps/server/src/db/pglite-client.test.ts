import { types } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { createPglite, DRIZZLE_TEXT_TYPES } from "./pglite-client.js";

describe("createPglite", () => {
	const client = createPglite();
	afterAll(() => client.close());

	it("has exactly the parsers Drizzle sends with each query, so it can drop them", async () => {
		const seen: unknown[] = [];
		const query = client.query.bind(client);
		// what Drizzle hands to the client, before the client drops it
		const spy = Object.assign(Object.create(client), {
			query: (text: string, params: unknown[], options: unknown) => {
				seen.push(options);
				return query(text, params, options as never);
			},
		});
		await drizzle({ client: spy }).execute(sql`SELECT 1`);
		const sent = (seen[0] as { parsers?: Record<string, unknown> }).parsers;
		// the same set: were Drizzle to change it, the merge would come back (correct, but slow)
		expect(
			Object.keys(sent ?? {})
				.map(Number)
				.sort(),
		).toEqual([...DRIZZLE_TEXT_TYPES].sort());
	});

	it("gives Drizzle timestamps it maps to the same instant, in and out of a transaction", async () => {
		const db = drizzle({ client });
		const at = new Date("2026-05-01T08:00:00.123Z");
		const read = async (
			run: typeof db | Parameters<Parameters<typeof db.transaction>[0]>[0],
		) => {
			const result = await run.execute(
				sql`SELECT ${at.toISOString()}::timestamptz AS at`,
			);
			return (result.rows[0] as { at: unknown }).at;
		};
		// as text, the way Drizzle's own mapping expects it
		expect(new Date(String(await read(db))).getTime()).toBe(at.getTime());
		expect(
			new Date(String(await db.transaction((tx) => read(tx)))).getTime(),
		).toBe(at.getTime());
	});

	it("passes any other parsers through", async () => {
		const result = await client.query<{ n: string }>("SELECT 41 + 1 AS n", [], {
			parsers: { [types.INT4]: (value: string) => `n=${value}` },
		});
		expect(result.rows[0]?.n).toBe("n=42");
	});
});
