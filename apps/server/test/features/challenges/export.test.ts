import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	useTestContext,
} from "../../helpers/build-test-app.js";
import { myHistory, practise } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

const exportAs = (t: TestApp, headers: Record<string, string>, query: string) =>
	t.app.inject({
		method: "GET",
		url: `/api/my-history/export${query}`,
		headers,
	});

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ",") {
			row.push(field);
			field = "";
		} else if (c === "\r" && text[i + 1] === "\n") {
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
			i++;
		} else field += c;
	}
	return rows;
}

describe.each(ENGINES)("GET /api/my-history/export on %s", (engine) => {
	const context = useTestContext(engine);

	it("downloads every challenge and answer as JSON, the same items as the history", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		await practise(t, headers, "easy", true);
		await practise(t, headers, "medium", false, "javascript");
		await practise(t, headers, "hard", null);
		const response = await exportAs(t, headers, "?format=json");
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-disposition"]).toMatch(
			/^attachment; filename="challenge-history-\d{4}-\d{2}-\d{2}\.json"$/,
		);
		const history = (await myHistory(t, headers)).json().challenges;
		expect(response.json()).toEqual({ challenges: history });
		expect(history).toHaveLength(3);
	});

	it("downloads it as CSV, one row per challenge, with code and options quoted as they are", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		await practise(t, headers, "easy", false);
		await practise(t, headers, "easy", true, "javascript");
		const response = await exportAs(t, headers, "?format=csv");
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toMatch(/^text\/csv/);
		expect(response.headers["content-disposition"]).toMatch(/\.csv"$/);
		const [header, ...rows] = parseCsv(response.body);
		expect(header).toEqual([
			"id",
			"date_created",
			"difficulty",
			"language",
			"kind",
			"idea",
			"title",
			"code",
			"correct_answer",
			"your_answer",
			"correct",
			"answered_at",
			"misconception",
		]);
		const history = (await myHistory(t, headers)).json().challenges;
		expect(rows).toHaveLength(history.length);
		for (const [i, item] of history.entries()) {
			const row = Object.fromEntries(
				(header ?? []).map((name, j) => [name, rows[i]?.[j]]),
			);
			expect(row.id).toBe(String(item.id));
			expect(row.title).toBe(item.title);
			expect(row.code?.replace(/^'/, "")).toBe(item.code);
			expect(row.correct).toBe(String(item.answer.correct));
			expect(row.your_answer?.replace(/^'/, "")).toBe(
				item.options[item.answer.answer_id],
			);
			expect(row.misconception).toBe(
				item.answer.misconception?.statement ?? "",
			);
		}
	});

	it("refuses an unknown format, and anyone signed out", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		const bad = await exportAs(t, headers, "?format=xml");
		expect(bad.statusCode).toBe(400);
		expect(bad.json().code).toBe("invalid_request");
		const anonymous = await exportAs(t, {}, "?format=json");
		expect(anonymous.statusCode).toBe(401);
	});
});
