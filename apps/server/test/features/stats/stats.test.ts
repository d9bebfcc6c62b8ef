import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "../../helpers/build-test-app.js";
import { practise, stats } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

const DAY = 86_400_000;

describe.each(ENGINES)("GET /api/stats on %s", (engine) => {
	const context = useTestContext(engine);

	it("reports zeros for a new user", async () => {
		const t = await buildTestApp(context);
		const response = await stats(t, await t.auth(newUserId()));
		const zero = { total: 0, answered: 0, correct: 0 };
		expect(response.json()).toEqual({
			...zero,
			accuracy: 0,
			by_difficulty: { easy: zero, medium: zero, hard: zero },
			streak_days: 0,
			daily: expect.any(Array),
		});
	});

	it("counts totals, accuracy by difficulty and the streak of consecutive UTC days", async () => {
		let now = new Date("2026-06-10T23:30:00Z");
		const t = await buildTestApp(context, { now: () => now });
		const headers = await t.auth(newUserId());
		await practise(t, headers, "easy", true); // June 10
		now = new Date(now.getTime() + DAY);
		await practise(t, headers, "easy", false); // June 11
		await practise(t, headers, "hard", true);
		await practise(t, headers, "medium", null);
		now = new Date(now.getTime() + 2 * DAY);
		await practise(t, headers, "medium", true); // June 13: June 12 has no answer
		now = new Date(now.getTime() + DAY); // June 14: yesterday counts

		const reported = (await stats(t, headers)).json();
		expect(reported).toEqual({
			total: 5,
			answered: 4,
			correct: 3,
			accuracy: 0.75,
			by_difficulty: {
				easy: { total: 2, answered: 2, correct: 1 },
				medium: { total: 2, answered: 1, correct: 1 },
				hard: { total: 1, answered: 1, correct: 1 },
			},
			streak_days: 1,
			daily: expect.any(Array),
		});
		const { daily } = (await stats(t, headers)).json();
		expect(daily).toHaveLength(30);
		expect(daily.at(-1)).toEqual({
			date: "2026-06-14",
			answered: 0,
			correct: 0,
		});
		expect(daily.filter((d: { answered: number }) => d.answered > 0)).toEqual([
			{ date: "2026-06-10", answered: 1, correct: 1 },
			{ date: "2026-06-11", answered: 2, correct: 1 },
			{ date: "2026-06-13", answered: 1, correct: 1 },
		]);

		now = new Date(now.getTime() + 2 * DAY);
		expect((await stats(t, headers)).json().streak_days).toBe(0);
	});
});
