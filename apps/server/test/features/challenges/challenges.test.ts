import { ChallengeSchema, HistoryResponseSchema } from "@app/contract";
import { type Generator, GeneratorError } from "@app/generator";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../../src/app.js";
import { answers } from "../../../src/db/schema.js";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	answer,
	generate,
	myHistory,
	newChallenge,
	quotaOf,
} from "../../helpers/practice.js";
import { watchStatements } from "../../helpers/statements.js";
import { ENGINES } from "../../helpers/test-db.js";

const failingGenerator = (
	failure: "failed" | "unavailable" | "crash",
): Generator => ({
	kind: "offline",
	generate: async () => {
		if (failure === "crash") throw new TypeError("boom");
		throw new GeneratorError(failure, `generator ${failure}`);
	},
	warm: async () => {},
	close: async () => {},
});

describe.each(ENGINES)("challenges on %s", (engine) => {
	const context = useTestContext(engine);

	describe("POST /api/generate-challenge", () => {
		it("returns a verified challenge and takes one quota unit", async () => {
			const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 5 } });
			const headers = await t.auth(newUserId());
			const response = await generate(t, headers, {
				difficulty: "easy",
				language: "javascript",
			});
			expect(response.statusCode).toBe(200);
			const challenge = ChallengeSchema.parse(response.json());
			expect(challenge).toMatchObject({
				difficulty: "easy",
				language: "javascript",
				runtime: "Node.js (CommonJS script)",
				verified: true,
			});
			expect(new Set(challenge.options).size).toBe(4);
			expect(challenge.code).toMatch(/^"use strict";\n/);
			expect(await quotaOf(t, headers)).toBe(4);
		});

		it("accepts the original client's capitalised difficulty and defaults the language to Python", async () => {
			const t = await buildTestApp(context);
			const response = await generate(t, await t.auth(newUserId()), {
				difficulty: "Hard",
			});
			expect(response.statusCode).toBe(200);
			expect(response.json()).toMatchObject({
				difficulty: "hard",
				language: "python",
				runtime: "Python 3",
				verified: true,
			});
		});

		it.each([
			[{ difficulty: "extreme" }, "body.difficulty"],
			[{}, "body.difficulty"],
			[{ difficulty: "easy", language: "cobol" }, "body.language"],
			[{ difficulty: "easy", topic: "x".repeat(81) }, "body.topic"],
			[{ difficulty: 3 }, "body.difficulty"],
			[[], "body"],
		])(
			"answers 400 naming the field for %j and takes no quota",
			async (payload, field) => {
				const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
				const headers = await t.auth(newUserId());
				const response = await generate(t, headers, payload);
				expect(response.statusCode).toBe(400);
				expect(response.json()).toMatchObject({
					code: "invalid_request",
					detail: expect.stringContaining(field),
				});
				expect(await quotaOf(t, headers)).toBe(3);
			},
		);

		it.each([
			[
				"malformed JSON",
				{ "content-type": "application/json" },
				"{ not json",
				400,
				"invalid_request",
				"JSON",
			],
			[
				"an empty JSON body",
				{ "content-type": "application/json" },
				"",
				400,
				"invalid_request",
				"empty",
			],
			[
				"a non-JSON media type",
				{ "content-type": "application/x-www-form-urlencoded" },
				"difficulty=easy",
				415,
				"unsupported_media_type",
				"Content-Type: application/json",
			],
			[
				"no body and no content type",
				{},
				undefined,
				400,
				"invalid_request",
				"body",
			],
		])(
			"answers the exact error for %s and takes no quota",
			async (_, contentType, body, status, code, named) => {
				const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
				const headers = await t.auth(newUserId());
				const response = await generate(
					t,
					{ ...headers, ...contentType },
					body,
				);
				expect(response.statusCode).toBe(status);
				expect(response.json()).toEqual({
					detail: expect.stringContaining(named),
					code,
				});
				expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
				expect(await quotaOf(t, headers)).toBe(3);
			},
		);

		it("answers 413 payload_too_large for an oversize body", async () => {
			const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
			const headers = await t.auth(newUserId());
			const response = await generate(t, headers, {
				difficulty: "easy",
				topic: "x".repeat(BODY_LIMIT_BYTES),
			});
			expect(response.statusCode).toBe(413);
			expect(response.json()).toMatchObject({ code: "payload_too_large" });
			expect(await quotaOf(t, headers)).toBe(3);
		});

		it("answers 429 quota_exhausted with next_reset_at when no unit is left", async () => {
			const now = new Date("2026-03-01T10:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 1, QUOTA_RESET_HOURS: 24 },
				now: () => now,
			});
			const headers = await t.auth(newUserId());
			expect(
				(
					await generate(t, headers, {
						difficulty: "easy",
						language: "javascript",
					})
				).statusCode,
			).toBe(200);
			const refused = await generate(t, headers, {
				difficulty: "easy",
				language: "javascript",
			});
			expect(refused.statusCode).toBe(429);
			expect(refused.json()).toEqual({
				detail: expect.any(String),
				code: "quota_exhausted",
				next_reset_at: "2026-03-02T10:00:00.000Z",
			});
		});

		it.each([
			["failed", 502, "generator_failed"],
			["unavailable", 503, "generator_unavailable"],
			["crash", 502, "generator_failed"],
		] as const)(
			"gives the unit back when the generator %s (%i %s)",
			async (failure, status, code) => {
				const t = await buildTestApp(context, {
					env: { QUOTA_INITIAL: 2 },
					generator: failingGenerator(failure),
				});
				const headers = await t.auth(newUserId());
				const response = await generate(t, headers, { difficulty: "medium" });
				expect(response.statusCode).toBe(status);
				expect(response.json()).toMatchObject({ code });
				expect(response.body).not.toContain("boom");
				expect(await quotaOf(t, headers)).toBe(2);
			},
		);

		it("tells the generator which challenges of that cell the user has already seen, the latest first", async () => {
			const seen: number[] = [];
			const recent: (readonly string[] | undefined)[] = [];
			const served: string[] = [];
			const observed: Generator = {
				...context.generator,
				generate: async (request, signal) => {
					seen.push(request.exclude?.size ?? -1);
					recent.push(request.recent);
					const result = await context.generator.generate(request, signal);
					if (request.difficulty === "easy")
						served.push(result.variantKey ?? "");
					return result;
				},
			};
			const t = await buildTestApp(context, { generator: observed });
			const headers = await t.auth(newUserId());
			const codes = new Set<string>();
			for (let i = 0; i < 4; i++) {
				const response = await generate(t, headers, {
					difficulty: "easy",
					language: "javascript",
				});
				codes.add(response.json().code);
			}
			await generate(t, headers, {
				difficulty: "hard",
				language: "javascript",
			});
			expect(seen).toEqual([0, 1, 2, 3, 0]);
			expect(codes.size).toBe(4);
			// so it can steer away from look-alikes of the latest ones
			expect(recent).toEqual([
				[],
				served.slice(0, 1).reverse(),
				served.slice(0, 2).reverse(),
				served.slice(0, 3).reverse(),
				[],
			]);
		});

		it("steers to the topic's template family", async () => {
			const t = await buildTestApp(context);
			const response = await generate(t, await t.auth(newUserId()), {
				difficulty: "medium",
				language: "javascript",
				topic: "aliasing",
			});
			expect(response.statusCode).toBe(200);
			expect(response.json().source).toContain("aliasing");
		});
	});

	describe("GET /api/my-history", () => {
		it("pages through the caller's own challenges, newest first", async () => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId());
			const ids: number[] = [];
			for (let i = 0; i < 5; i++) ids.push((await newChallenge(t, headers)).id);
			await generate(t, await t.auth(newUserId()), {
				difficulty: "easy",
				language: "javascript",
			});

			const first = HistoryResponseSchema.parse(
				(await myHistory(t, headers, "limit=2")).json(),
			);
			expect(first.challenges.map((c) => c.id)).toEqual([ids[4], ids[3]]);
			expect(first.next_cursor).toBe(ids[3]);
			const rest = HistoryResponseSchema.parse(
				(
					await myHistory(t, headers, `limit=10&before=${first.next_cursor}`)
				).json(),
			);
			expect(rest.challenges.map((c) => c.id)).toEqual([
				ids[2],
				ids[1],
				ids[0],
			]);
			expect(rest.next_cursor).toBeNull();
			expect(rest.challenges[0]).toMatchObject({
				answer: null,
				date_created: expect.any(String),
			});
		});

		it("filters by difficulty, language and result", async () => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId());
			const easyJs = await newChallenge(t, headers);
			const hardPy = (
				await generate(t, headers, { difficulty: "hard", language: "python" })
			).json();
			const easyPy = (
				await generate(t, headers, { difficulty: "easy", language: "python" })
			).json();
			await answer(t, headers, easyJs.id, {
				answer_id: easyJs.correct_answer_id,
			});
			await answer(t, headers, hardPy.id, {
				answer_id: (hardPy.correct_answer_id + 1) % 4,
			});
			const ids = async (query: string) =>
				(await myHistory(t, headers, query))
					.json()
					.challenges.map((c: { id: number }) => c.id);
			expect(await ids("difficulty=easy")).toEqual([easyPy.id, easyJs.id]);
			expect(await ids("language=python")).toEqual([easyPy.id, hardPy.id]);
			expect(await ids("result=correct")).toEqual([easyJs.id]);
			expect(await ids("result=incorrect")).toEqual([hardPy.id]);
			expect(await ids("result=unanswered")).toEqual([easyPy.id]);
			expect(
				await ids("difficulty=easy&language=python&result=unanswered"),
			).toEqual([easyPy.id]);
		});

		it("reads pages asked at once together, each user getting the page they asked for", async () => {
			const t = await buildTestApp(context);
			const learners = [
				await t.auth(newUserId()),
				await t.auth(newUserId()),
				await t.auth(newUserId()),
			];
			for (const [index, headers] of learners.entries())
				for (let i = 0; i <= index + 1; i++) {
					const made = (
						await generate(t, headers, {
							difficulty: i % 2 ? "hard" : "easy",
							language: "python",
						})
					).json();
					if (i === 0)
						await answer(t, headers, made.id, {
							answer_id: made.correct_answer_id,
						});
				}
			const queries = [
				"limit=1",
				"limit=2",
				"difficulty=hard",
				"result=correct",
				"result=unanswered",
				"limit=1&language=javascript",
			];
			const asked = learners.flatMap((headers) =>
				queries.map((query) => ({ headers, query })),
			);
			const one = async ({ headers, query }: (typeof asked)[number]) => {
				const response = await myHistory(t, headers, query);
				expect(response.statusCode).toBe(200);
				return response.body;
			};
			const alone: string[] = [];
			for (const ask of asked) alone.push(await one(ask));

			const statements = watchStatements(t);
			const together = await Promise.all(asked.map(one));
			expect(together).toEqual(alone);
			// read in fewer statements than pages (batched-reads.ts)
			expect(statements.count).toBeGreaterThan(0);
			expect(statements.count).toBeLessThan(asked.length);
			statements.restore();
		});

		it("serves a page from items it wrote before, as a process that never wrote them would, with answers given since in any process", async () => {
			const [one, two] = [
				await buildTestApp(context),
				await buildTestApp(context),
			];
			const userId = newUserId();
			const headers = await one.auth(userId);
			const [first, second, third] = [
				await newChallenge(one, headers),
				await newChallenge(one, headers),
				await newChallenge(one, headers),
			];
			const page = async (t: typeof one) => {
				const response = await myHistory(t, headers, "limit=10");
				expect(response.statusCode).toBe(200);
				expect(response.headers["content-type"]).toBe(
					"application/json; charset=utf-8",
				);
				return response.body;
			};
			const before = HistoryResponseSchema.parse(JSON.parse(await page(one)));
			expect(before.challenges.map((c) => c.answer)).toEqual([
				null,
				null,
				null,
			]);
			// answered in this process and in the other one, after this one wrote the items
			await answer(one, headers, second.id, {
				answer_id: (second.correct_answer_id + 1) % 4,
			});
			await answer(two, headers, first.id, {
				answer_id: first.correct_answer_id,
			});
			const after = await page(one);
			const answers = HistoryResponseSchema.parse(
				JSON.parse(after),
			).challenges.map((c) => [c.id, c.answer?.correct ?? null]);
			expect(answers).toEqual([
				[third.id, null],
				[second.id, false],
				[first.id, true],
			]);
			// byte for byte what the other process writes from the rows
			expect(after).toBe(await page(two));
			expect(after).toBe(await page(one));
		});

		it.each([
			"limit=0",
			"limit=101",
			"limit=abc",
			"before=-1",
			"before=99999999999",
			"difficulty=extreme",
			"result=maybe",
		])("answers 400 for %s", async (query) => {
			const t = await buildTestApp(context);
			const response = await myHistory(t, await t.auth(newUserId()), query);
			expect(response.statusCode).toBe(400);
			expect(response.json()).toMatchObject({
				code: "invalid_request",
				detail: expect.stringContaining("querystring"),
			});
		});
	});

	describe("POST /api/challenges/{id}/answer", () => {
		it("records the first answer, reports correctness, and refuses a second with 409", async () => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId());
			const challenge = await newChallenge(t, headers);
			const wrong = (challenge.correct_answer_id + 1) % 4;
			const first = await answer(t, headers, challenge.id, {
				answer_id: wrong,
			});
			expect(first.statusCode).toBe(200);
			expect(first.json()).toEqual({
				correct: false,
				correct_answer_id: challenge.correct_answer_id,
				explanation: challenge.explanation,
				// which belief, if any, is the diagnosis tests' to check
				misconception: expect.toBeOneOf([
					null,
					expect.objectContaining({ statement: expect.any(String) }),
				]),
			});
			const second = await answer(t, headers, challenge.id, {
				answer_id: challenge.correct_answer_id,
			});
			expect(second.statusCode).toBe(409);
			expect(second.json()).toMatchObject({
				code: "already_answered",
				answer_id: wrong,
			});
			const history = (await myHistory(t, headers)).json();
			expect(history.challenges[0].answer).toMatchObject({
				answer_id: wrong,
				correct: false,
			});
		});

		it("counts a right answer as correct", async () => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId());
			const challenge = await newChallenge(t, headers);
			const response = await answer(t, headers, challenge.id, {
				answer_id: challenge.correct_answer_id,
			});
			expect(response.json()).toMatchObject({ correct: true });
		});

		it("records exactly one of many simultaneous answers", async () => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId());
			const challenge = await newChallenge(t, headers);
			const responses = await Promise.all(
				[0, 1, 2, 3, 0, 1, 2, 3].map((answer_id) =>
					answer(t, headers, challenge.id, { answer_id }),
				),
			);
			expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
			expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(7);
		});

		it("answers 404 for another user's challenge and for a missing one", async () => {
			const t = await buildTestApp(context);
			const owner = await t.auth(newUserId());
			const challenge = await newChallenge(t, owner);
			const stranger = await t.auth(newUserId());
			for (const id of [challenge.id, 2_000_000_000]) {
				const response = await answer(t, stranger, id, { answer_id: 0 });
				expect(response.statusCode).toBe(404);
				expect(response.json()).toMatchObject({ code: "not_found" });
			}
		});

		it.each([
			{ answer_id: 4 },
			{ answer_id: -1 },
			{ answer_id: 1.5 },
			{ answer_id: "1" },
			{},
		])(
			"answers 400 naming answer_id for %j, and records nothing nor takes quota",
			async (payload) => {
				const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
				const headers = await t.auth(newUserId());
				const challenge = await newChallenge(t, headers);
				const response = await answer(t, headers, challenge.id, payload);
				expect(response.statusCode).toBe(400);
				expect(response.json()).toEqual({
					code: "invalid_request",
					detail: expect.stringContaining("body.answer_id"),
				});
				expect(
					await context.db.db
						.select()
						.from(answers)
						.where(eq(answers.challengeId, challenge.id)),
				).toEqual([]);
				expect(await quotaOf(t, headers)).toBe(2);
				const history = (await myHistory(t, headers)).json();
				expect(history.challenges[0].answer).toBeNull();
			},
		);

		it("answers 400 for a challenge id that is not a number", async () => {
			const t = await buildTestApp(context);
			const response = await answer(t, await t.auth(newUserId()), "abc", {
				answer_id: 0,
			});
			expect(response.statusCode).toBe(400);
			expect(response.json()).toMatchObject({
				code: "invalid_request",
				detail: expect.stringContaining("params.id"),
			});
		});
	});
});
