import { completion, failure } from "@app/generator/testing";
import { describe, expect, it } from "vitest";
import { newUserId, useTestContext } from "../helpers/build-test-app.js";
import { modelApp, useFakeModel } from "../helpers/fake-model.js";
import { answer, generate, myHistory, quotaOf } from "../helpers/practice.js";
import { publicConfig } from "../helpers/system.js";

const draft = (correct: number) => ({
	title: "What does this print?",
	code: "console.log([1, 2].length + '1')",
	options: ["3", "21", "NaN", "2"],
	correct_answer_id: correct,
	explanation: "Explained.",
	asks_for_output: true,
});

describe("POST /api/generate-challenge with GENERATOR=openai", () => {
	const context = useTestContext("pglite");
	const model = useFakeModel();

	const llmApp = () =>
		modelApp(context, model, {
			env: {
				OPENAI_API_KEY: "sk-test",
				OPENAI_TIMEOUT_MS: 300,
				QUOTA_INITIAL: 3,
			},
		});
	const easyJavaScript = { difficulty: "easy", language: "javascript" };

	it("reports the openai generator in /api/config", async () => {
		const t = await llmApp();
		expect((await publicConfig(t)).json().generator).toBe("openai");
	});

	it("serves the model's challenge with the answer corrected by running the code, and records how", async () => {
		model.fake.reply(
			completion(draft(0)),
			completion({ explanation: "`2 + '1'` joins strings: 21." }),
		);
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const response = await generate(t, headers, easyJavaScript);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toMatchObject({
			correct_answer_id: 1,
			verified: true,
			verification: "corrected",
			source: "openai:fake-model",
		});
		const history = (await myHistory(t, headers)).json();
		expect(history.challenges[0]).toMatchObject({
			verification: "corrected",
			explanation: expect.stringContaining("21"),
		});
		expect(await quotaOf(t, headers)).toBe(2);
	});

	it("stores the model's belief behind each wrong option under a model id, names it in a wrong answer, and tells the model the idea and belief to practise", async () => {
		const beliefs = [
			"you may think that length counts from zero",
			null,
			"You may think that adding '1' to a number always gives NaN",
			"You may think that <b>length</b> ignores the + '1'",
		];
		model.fake.reply(
			completion({
				...draft(1),
				idea: "js.type-coercion",
				misconceptions: beliefs,
			}),
		);
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const challenge = (await generate(t, headers, easyJavaScript)).json();
		expect(challenge.idea).toEqual({
			id: "js.type-coercion",
			name: "Type coercion",
		});
		expect(JSON.stringify(challenge)).not.toContain("think that");
		const wrong = challenge.options.indexOf("NaN");
		const answered = (
			await answer(t, headers, challenge.id, { answer_id: wrong })
		).json();
		expect(answered.misconception).toEqual({
			id: expect.stringMatching(/^js\.type-coercion\.model-[0-9a-f]{10}$/),
			idea: "js.type-coercion",
			statement: "You may think that adding '1' to a number always gives NaN.",
		});

		// practising the idea tells the model the idea and the belief, as data
		model.fake.reply(
			completion({
				...draft(1),
				idea: "js.type-coercion",
				misconceptions: beliefs,
			}),
		);
		const practice = await generate(t, headers, {
			difficulty: "easy",
			idea: "js.type-coercion",
		});
		expect(practice.json().idea.id).toBe("js.type-coercion");
		const asked = JSON.stringify(model.fake.requests.at(-1)?.messages);
		expect(asked).toContain("js.type-coercion");
		expect(asked).toContain("adding '1' to a number always gives NaN");
	});

	it("keeps a hostile belief from the model as one capped line of plain text, and ignores an idea outside the catalogue", async () => {
		const hostile = `You may think that NaN\u0000 comes <script>alert(1)</script>\u202e\nfrom ${"adding ".repeat(60)}strings`;
		model.fake.reply(
			completion({
				...draft(1),
				idea: "js.type-coercion",
				misconceptions: ["a", null, hostile, "b"],
			}),
			completion({
				...draft(1),
				idea: "py.not-an-idea",
				misconceptions: ["a", null, "c", "b"],
			}),
		);
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const first = (await generate(t, headers, easyJavaScript)).json();
		const { misconception } = (
			await answer(t, headers, first.id, {
				answer_id: first.options.indexOf("NaN"),
			})
		).json();
		expect(misconception.statement.length).toBeLessThanOrEqual(200);
		expect(misconception.statement).toMatch(/^You may think that NaN comes/);
		expect(misconception.statement).toContain("<script>alert(1)</script>");
		expect(misconception.statement).not.toMatch(/[\p{Cc}\p{Cf}]/u);
		expect(misconception.statement.endsWith("….")).toBe(true);

		const second = (await generate(t, headers, easyJavaScript)).json();
		expect(second.idea).toBeNull();
		const wrong = (
			await answer(t, headers, second.id, {
				answer_id: second.options.indexOf("NaN"),
			})
		).json();
		expect(wrong).toMatchObject({ correct: false, misconception: null });
	});

	it("answers 502 generator_failed after repeated 500s and gives the unit back", async () => {
		model.fake.reply(...Array.from({ length: 3 }, () => failure(500)));
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const response = await generate(t, headers, easyJavaScript);
		expect(response.statusCode).toBe(502);
		expect(response.json()).toMatchObject({ code: "generator_failed" });
		expect(await quotaOf(t, headers)).toBe(3);
	});

	it("answers 503 generator_unavailable when the model times out and gives the unit back", async () => {
		model.fake.reply(
			...Array.from({ length: 3 }, () => ({
				...completion(draft(1)),
				delayMs: 1500,
			})),
		);
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const response = await generate(t, headers, easyJavaScript);
		expect(response.statusCode).toBe(503);
		expect(response.json()).toMatchObject({ code: "generator_unavailable" });
		expect(await quotaOf(t, headers)).toBe(3);
	});
});
