import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite, DRIZZLE_TEXT_TYPES } from "./pglite-client.js";
import { preparedStatements } from "./pglite-statements.js";

const prepared = async (client: PGlite) =>
	(
		await client.query<{ name: string; statement: string }>(
			"SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'cct_statement_%' ORDER BY name",
		)
	).rows;

describe("queries of createPglite, as prepared statements", () => {
	// the same queries on PGlite's own query, with the same parsers, for what each must answer
	const plain = new PGlite({
		parsers: Object.fromEntries(
			DRIZZLE_TEXT_TYPES.map((type) => [type, (text: string) => text]),
		),
	});
	const client = createPglite();
	const both = [plain, client];
	beforeAll(async () => {
		for (const db of both)
			await db.exec(`
				CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE, tags text[], data jsonb,
					ok boolean, at timestamptz, n numeric, big bigint);
				INSERT INTO items (name, tags, data, ok, at, n, big) VALUES
					('a', '{x,y}', '{"k": [1, 2]}', true, '2026-05-01T08:00:00.123Z', 1.50, 9007199254740993),
					('b', NULL, NULL, NULL, NULL, NULL, NULL);
			`);
	});
	afterAll(async () => {
		for (const db of both) await db.close();
	});

	it("answers each query as PGlite's own query does", async () => {
		const queries: [string, unknown[], object?][] = [
			["SELECT * FROM items ORDER BY id", []],
			["SELECT * FROM items WHERE name = $1", ["a"]],
			["SELECT * FROM items WHERE name = $1", [null]],
			["SELECT id, tags FROM items WHERE tags @> $1", [["x"]]],
			["SELECT data -> 'k' AS k FROM items WHERE data = $1", [{ k: [1, 2] }]],
			["SELECT $1::timestamptz AS at", [new Date("2026-01-02T03:04:05.678Z")]],
			["SELECT name, ok FROM items ORDER BY id", [], { rowMode: "array" }],
			["INSERT INTO items (name) VALUES ($1) RETURNING id, name", ["c"]],
			["UPDATE items SET ok = $1 WHERE name <> $2", [false, "zz"]],
			["DELETE FROM items WHERE name = $1", ["c"]],
		];
		for (const [text, params, options] of queries) {
			const [expected, actual] = await Promise.all(
				both.map((db) => db.query(text, params, options)),
			);
			expect(actual, text).toEqual(expected);
		}
	});

	it("parses and plans a text once, however often it runs", async () => {
		for (let i = 0; i < 5; i++)
			await client.query("SELECT count(*) FROM items WHERE id > $1", [i]);
		const statements = (await prepared(client)).filter((row) =>
			row.statement.startsWith("SELECT count(*) FROM items WHERE id > $1"),
		);
		expect(statements).toHaveLength(1);
	});

	it("fails a query as PostgreSQL does, and answers the next one", async () => {
		await expect(
			client.query("INSERT INTO items (name) VALUES ($1)", ["a"]),
		).rejects.toMatchObject({ code: "23505" });
		const rows = await client.query("SELECT name FROM items WHERE name = $1", [
			"a",
		]);
		expect(rows.rows).toEqual([{ name: "a" }]);
	});

	it("keeps a transaction's statements apart from queries outside it", async () => {
		let inserted: () => void = () => {};
		const insertedOnce = new Promise<void>((resolve) => {
			inserted = resolve;
		});
		const rolledBack = client
			.transaction(async (tx) => {
				await tx.query("INSERT INTO items (name) VALUES ($1)", ["uncommitted"]);
				inserted();
				// a query from outside arrives now; it must not run inside this transaction
				await new Promise((resolve) => setTimeout(resolve, 50));
				await tx.rollback();
			})
			.then(() => undefined);
		await insertedOnce;
		const outside = await client.query<{ n: number }>(
			"SELECT count(*)::int AS n FROM items WHERE name = $1",
			["uncommitted"],
		);
		await rolledBack;
		expect(outside.rows[0]?.n).toBe(0);
	});

	it("prepares a statement again when a table changed under it", async () => {
		await client.exec(
			"CREATE TABLE grows (a int); INSERT INTO grows VALUES (1)",
		);
		expect((await client.query("SELECT * FROM grows")).rows).toEqual([
			{ a: 1 },
		]);
		await client.exec("ALTER TABLE grows ADD COLUMN b text DEFAULT 'new'");
		expect((await client.query("SELECT * FROM grows")).rows).toEqual([
			{ a: 1, b: "new" },
		]);
	});
});

describe("preparedStatements", () => {
	const client = new PGlite();
	afterAll(() => client.close());

	it("closes the least recently used statement past its bound", async () => {
		const run = preparedStatements(client, 2);
		const query = (text: string) =>
			client.runExclusive(() =>
				run(text, [], undefined, { inTransaction: false }),
			);
		await query("SELECT 1 AS one");
		await query("SELECT 2 AS two");
		await query("SELECT 1 AS one");
		await query("SELECT 3 AS three");
		expect((await prepared(client)).map((row) => row.statement)).toEqual([
			"SELECT 1 AS one",
			"SELECT 3 AS three",
		]);
	});
});
