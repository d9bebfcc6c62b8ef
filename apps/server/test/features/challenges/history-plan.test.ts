import { HistoryResponseSchema } from "@app/contract";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "../../helpers/build-test-app.js";
import { myHistory } from "../../helpers/practice.js";
import { nodesOf, planOf, watchStatements } from "../../helpers/statements.js";
import { ENGINES } from "../../helpers/test-db.js";

/** Challenges of `users` users, `each` apiece, inserted in one statement: ids rise with the users. */
const seedChallenges = (users: string[], each: number) => sql`
	INSERT INTO challenges (user_id, difficulty, language, runtime, title, options,
		correct_answer_id, explanation, verified, source, created_at)
	SELECT u.user_id, 'easy', 'python', 'Python 3', 'seeded', '["a","b","c","d"]'::jsonb,
		0, 'seeded', true, 'offline', now()
	FROM unnest(${`{${users.join(",")}}`}::text[]) WITH ORDINALITY AS u(user_id, n),
		generate_series(1, ${each})
	ORDER BY u.n`;

describe.each(ENGINES)("the history page's plan on %s", (engine) => {
	const context = useTestContext(engine);

	it("reads a learner's page down the (user_id, id) index, without a sort, when everyone else's challenges are newer", async () => {
		const t = await buildTestApp(context);
		const learner = newUserId();
		const others = Array.from({ length: 200 }, newUserId);
		const { db } = context.db;
		// the learner's challenges are the oldest: a backward walk of the primary key, filtering on the
		// user, would read every other challenge before reaching theirs
		await db.execute(seedChallenges([learner], 2_000));
		await db.execute(seedChallenges(others, 100));
		// most challenges are answered, a third of those wrongly, as in a real history
		await db.execute(sql`
			INSERT INTO answers (challenge_id, user_id, answer_id, correct, answered_at)
			SELECT id, user_id, id % 3, id % 3 <> 0, now() FROM challenges WHERE id % 4 <> 0`);
		await db.execute(sql`ANALYZE challenges`);
		await db.execute(sql`ANALYZE answers`);

		const statements = watchStatements(t);
		const response = await myHistory(t, await t.auth(learner), "limit=20");
		const sent = statements.sent.find(({ text }) =>
			text.includes("jsonb_to_recordset"),
		);
		statements.restore();
		expect(response.statusCode).toBe(200);
		expect(
			HistoryResponseSchema.parse(response.json()).challenges,
		).toHaveLength(20);
		if (!sent) throw new Error("no history statement was sent");

		const plan = await planOf(t, sent);
		const page = nodesOf(plan).find((node) => node["Node Type"] === "Limit");
		if (!page) throw new Error("the plan has no page (Limit) node");
		const underPage = nodesOf(page);
		const challengeScans = underPage.filter(
			(node) => node["Relation Name"] === "challenges",
		);
		expect(challengeScans.map((node) => node["Index Name"])).toEqual([
			"challenges_user_id_id_index",
		]);
		expect(underPage.map((node) => node["Node Type"])).not.toContain("Sort");
	});
});
