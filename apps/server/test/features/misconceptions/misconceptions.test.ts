import { DIFFICULTIES, type Misconception } from "@app/contract";
import { IDEAS, ideaLevels } from "@app/generator";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { challenges } from "../../../src/db/schema.js";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	type TestContext,
	useTestContext,
} from "../../helpers/build-test-app.js";
import { answer, generate, quotaOf } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

type Headers = Record<string, string>;
const DAY = 86_400_000;

/** The beliefs stored with a challenge (never sent before it is answered), read from the database. */
async function storedBeliefs(context: TestContext, id: number) {
	const [row] = await context.db.db
		.select({ misconceptions: challenges.misconceptions })
		.from(challenges)
		.where(eq(challenges.id, id));
	return row?.misconceptions ?? [];
}

/** Generates until a challenge has a wrong option with a known belief; that option and its belief. */
async function challengeWithBelief(
	t: TestApp,
	context: TestContext,
	headers: Headers,
	payload: object = { difficulty: "easy", language: "python" },
) {
	for (let tries = 0; tries < 10; tries++) {
		const challenge = (await generate(t, headers, payload)).json();
		const beliefs = await storedBeliefs(context, challenge.id);
		const wrong = beliefs.findIndex((belief) => belief !== null);
		const belief = beliefs[wrong];
		if (belief) return { challenge, wrong, belief };
	}
	throw new Error("no challenge with a known belief in 10 tries");
}

const misconceptions = (t: TestApp, headers: Headers, query = "") =>
	t.app.inject({
		method: "GET",
		url: `/api/misconceptions${query}`,
		headers,
	});

/** Generates a challenge and answers it right. */
async function answerRight(t: TestApp, headers: Headers, payload: object) {
	const challenge = (await generate(t, headers, payload)).json();
	await answer(t, headers, challenge.id, {
		answer_id: challenge.correct_answer_id,
	});
	return challenge;
}

describe.each(ENGINES)("misconception diagnosis on %s", (engine) => {
	const context = useTestContext(engine);

	it("names the belief behind a wrong option in the answer, the history, the challenge and the learner's list, never before the answer", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		const { challenge, wrong, belief } = await challengeWithBelief(
			t,
			context,
			headers,
		);
		expect(belief.statement).toMatch(/^You may think that .+\.$/);
		expect(belief.idea).toBe(challenge.idea.id);
		expect(challenge.idea.name).toBe(
			IDEAS.find((idea) => idea.id === belief.idea)?.name,
		);
		expect(belief.id.startsWith(`${belief.idea}.`)).toBe(true);
		// the generate response gives no belief away
		expect(JSON.stringify(challenge)).not.toContain(belief.statement);
		expect(challenge.review_of).toBeNull();

		const answered = await answer(t, headers, challenge.id, {
			answer_id: wrong,
		});
		expect(answered.json()).toMatchObject({
			correct: false,
			misconception: belief,
		});
		const one = await t.app.inject({
			method: "GET",
			url: `/api/challenges/${challenge.id}`,
			headers,
		});
		expect(one.json().answer).toMatchObject({
			answer_id: wrong,
			misconception: belief,
		});
		const history = await t.app.inject({
			method: "GET",
			url: "/api/my-history",
			headers,
		});
		expect(history.json().challenges[0].answer.misconception).toEqual(belief);

		const listed = (await misconceptions(t, headers)).json();
		expect(listed).toEqual({
			misconceptions: [
				{
					...belief,
					idea_name: challenge.idea.name,
					times: 1,
					last_at: expect.any(String),
					status: "open",
				},
			],
			next_offset: null,
			ideas: [
				{
					idea: belief.idea,
					idea_name: challenge.idea.name,
					answered: 1,
					correct: 0,
				},
			],
		});

		const right = await answerRight(t, headers, {
			difficulty: "easy",
			language: "python",
		});
		const { answer: recorded } = (
			await t.app.inject({
				method: "GET",
				url: `/api/challenges/${right.id}`,
				headers,
			})
		).json();
		expect(recorded).toMatchObject({ correct: true, misconception: null });
	});

	it("serves practice on an idea, and resolves its misconception after two right answers in a row", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		const { challenge, wrong, belief } = await challengeWithBelief(
			t,
			context,
			headers,
		);
		await answer(t, headers, challenge.id, { answer_id: wrong });
		const practice = { difficulty: "easy", idea: belief.idea };
		const status = async () =>
			(await misconceptions(t, headers)).json().misconceptions[0].status;

		const first = await answerRight(t, headers, practice);
		expect(first.idea.id).toBe(belief.idea);
		expect(first.language).toBe("python");
		expect(first.review_of).toBeNull();
		expect(await status()).toBe("open");
		const second = await answerRight(t, headers, practice);
		expect(second.idea.id).toBe(belief.idea);
		expect(await status()).toBe("resolved");
		expect((await misconceptions(t, headers)).json().ideas).toEqual([
			expect.objectContaining({ idea: belief.idea, answered: 3, correct: 2 }),
		]);

		// a wrong answer on the idea opens it again
		const again = await challengeWithBelief(t, context, headers, practice);
		await answer(t, headers, again.challenge.id, { answer_id: again.wrong });
		expect(
			(await misconceptions(t, headers))
				.json()
				.misconceptions.map((m: { status: string }) => m.status),
		).toEqual(expect.arrayContaining(["open"]));
		expect(
			(await misconceptions(t, headers)).json().misconceptions[0].status,
		).toBe("open");
	});

	it("takes an idea's language when none is named, and refuses an unknown idea or one of another language without taking a unit", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		const jsIdea = IDEAS.find((idea) => idea.language === "javascript");
		if (!jsIdea) throw new Error("no JavaScript idea");
		const served = (
			await generate(t, headers, { difficulty: "medium", idea: jsIdea.id })
		).json();
		expect(served).toMatchObject({
			language: "javascript",
			idea: { id: jsIdea.id, name: jsIdea.name },
		});

		const before = await quotaOf(t, headers);
		for (const payload of [
			{ difficulty: "easy", idea: "py.no-such-idea" },
			{ difficulty: "easy", idea: jsIdea.id, language: "python" },
			{ difficulty: "easy", idea: "Not An Id!" },
			{ difficulty: "easy", idea: "x".repeat(200) },
			{ difficulty: "easy", idea: 7 },
		]) {
			const refused = await generate(t, headers, payload);
			expect(refused.statusCode).toBe(400);
			expect(refused.json()).toMatchObject({
				code: "invalid_request",
				detail: expect.stringContaining("idea"),
			});
		}
		expect(await quotaOf(t, headers)).toBe(before);
	});

	it("brings an open misconception back for review once due, one challenge in three, spaced 1, 3 and 7 days", async () => {
		let now = new Date("2026-03-02T09:00:00Z");
		const later = (days: number) => {
			now = new Date(now.getTime() + days * DAY);
		};
		const t = await buildTestApp(context, { now: () => now });
		const headers = await t.auth(newUserId());
		const python = { difficulty: "medium", language: "python" };
		const { challenge, wrong, belief } = await challengeWithBelief(
			t,
			context,
			headers,
			python,
		);
		await answer(t, headers, challenge.id, { answer_id: wrong });
		const next = async (payload: object = python) =>
			(await generate(t, headers, payload)).json();

		later(0.5);
		expect((await next()).review_of).toBeNull(); // not due for a day
		later(0.6);
		// a review never changes the level asked for: not at a level the idea is not taught at
		const elsewhere = DIFFICULTIES.find(
			(level) => !ideaLevels(belief.idea).includes(level),
		);
		if (elsewhere)
			expect(
				(await next({ ...python, difficulty: elsewhere })).review_of,
			).toBeNull();
		const review = await next();
		expect(review.review_of).toBe(belief.idea);
		expect(review.idea.id).toBe(belief.idea);
		// never two reviews within three challenges, and the next is due 3 days after this one
		expect((await next()).review_of).toBeNull();
		expect((await next()).review_of).toBeNull();
		later(2);
		expect((await next()).review_of).toBeNull();
		later(1.1);
		// another language, or a topic asked for, is not interrupted by a review
		expect(
			(await next({ difficulty: "medium", language: "javascript" })).review_of,
		).toBeNull();
		expect((await next({ ...python, topic: "loops" })).review_of).toBeNull();
		expect((await next()).review_of).toBe(belief.idea);
		// once resolved, it is no longer reviewed
		await answerRight(t, headers, { difficulty: "medium", idea: belief.idea });
		await answerRight(t, headers, { difficulty: "medium", idea: belief.idea });
		later(30);
		for (let i = 0; i < 3; i++) expect((await next()).review_of).toBeNull();
	});

	it("pages the misconceptions, most recently chosen first", async () => {
		let now = new Date("2026-04-01T09:00:00Z");
		const t = await buildTestApp(context, { now: () => now });
		const headers = await t.auth(newUserId());
		const chosen: Misconception[] = [];
		for (let tries = 0; chosen.length < 3 && tries < 20; tries++) {
			const { challenge, wrong, belief } = await challengeWithBelief(
				t,
				context,
				headers,
			);
			if (chosen.some((m) => m.id === belief.id)) continue;
			await answer(t, headers, challenge.id, { answer_id: wrong });
			chosen.push(belief);
			now = new Date(now.getTime() + 60_000);
		}
		const first = (await misconceptions(t, headers, "?limit=2")).json();
		expect(first.misconceptions.map((m: Misconception) => m.id)).toEqual(
			[chosen[2], chosen[1]].map((m) => m?.id),
		);
		expect(first.next_offset).toBe(2);
		const second = (
			await misconceptions(t, headers, "?limit=2&offset=2")
		).json();
		expect(second.misconceptions.map((m: Misconception) => m.id)).toEqual([
			chosen[0]?.id,
		]);
		expect(second.next_offset).toBeNull();
		const bad = await misconceptions(t, headers, "?limit=0");
		expect(bad.statusCode).toBe(400);
		expect(bad.json().code).toBe("invalid_request");
	});
});
