import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = fileURLToPath(
	new URL("../../src/db/migrations/", import.meta.url),
);

/** Runs one committed migration file as drizzle's migrator does: statement by statement. */
async function apply(db: PGlite, file: string): Promise<void> {
	const sql = await readFile(`${MIGRATIONS}${file}`, "utf8");
	for (const statement of sql.split("--> statement-breakpoint"))
		if (statement.trim()) await db.exec(statement);
}

describe("migration 0004 (challenge kind and runtime)", () => {
	const db = new PGlite();
	afterAll(() => db.close());

	it("labels the challenges and pooled challenges stored before it: what they print, in Python 3 or a Node.js script", async () => {
		const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith(".sql"));
		const [before, after] = [
			files.filter((f) => f < "0004"),
			files.filter((f) => f.startsWith("0004")),
		];
		for (const file of before.sort()) await apply(db, file);
		const challenge = (language: string, source: string) =>
			db.query(
				`INSERT INTO challenges (user_id, difficulty, language, title, code, options, correct_answer_id, explanation, verified, source, created_at)
				 VALUES ('user_1', 'easy', $1, 't', 'c', '["a","b","c","d"]', 0, 'e', true, $2, now())`,
				[language, source],
			);
		await challenge("python", "offline:python/truthiness");
		await challenge("javascript", "offline:javascript/hoisting");
		await challenge("javascript", "offline:javascript/this-binding");
		await db.query(
			`INSERT INTO challenge_pool (difficulty, language, content, created_at)
			 VALUES ('easy', 'javascript', '{"title": "t"}', now())`,
		);

		for (const file of after) await apply(db, file);

		const rows = await db.query<{ kind: string; runtime: string }>(
			"SELECT kind, runtime FROM challenges ORDER BY id",
		);
		expect(rows.rows).toEqual([
			{ kind: "output", runtime: "Python 3" },
			{ kind: "output", runtime: "Node.js (CommonJS script)" },
			{ kind: "output", runtime: "Node.js (CommonJS script, sloppy mode)" },
		]);
		const pooled = await db.query<{ content: Record<string, string> }>(
			"SELECT content FROM challenge_pool",
		);
		expect(pooled.rows[0]?.content).toEqual({
			title: "t",
			kind: "output",
			runtime: "Node.js (CommonJS script)",
		});
	});
});
