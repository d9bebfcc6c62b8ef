import { randomUUID } from "node:crypto";
import { createGenerator } from "@app/generator";
import { completion, failure } from "@app/generator/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Db } from "../../src/db/open-db.js";
import { serverInstances } from "../../src/db/schema.js";
import { INSTANCE_STALE_AFTER_MS } from "../../src/db/server-instances.js";
import { addPooled } from "../../src/features/pool/pool.repo.js";
import { takeQuotaUnit } from "../../src/features/quota/quota.repo.js";
import {
	buildTestApp,
	newUserId,
	type TestAppOptions,
	useTestContext,
} from "../helpers/build-test-app.js";
import { modelApp, useFakeModel } from "../helpers/fake-model.js";
import {
	LOCAL_MODE,
	newEmail,
	PASSWORD,
	signIn,
	signUp,
	signUpRequest,
} from "../helpers/local-accounts.js";
import {
	deltas,
	METRICS_TOKEN,
	scrape,
	scrapeRequest,
} from "../helpers/metrics.js";
import { generate } from "../helpers/practice.js";
import { deliver, signedEvent } from "../helpers/svix.js";

const withMetrics = (options: TestAppOptions = {}) => ({
	...options,
	env: { METRICS_TOKEN, ...options.env },
});

describe("GET /metrics", () => {
	const context = useTestContext("pglite");

	it("is not served when METRICS_TOKEN is not set", async () => {
		const t = await buildTestApp(context);
		const response = await scrapeRequest(t, `Bearer ${METRICS_TOKEN}`);
		expect(response.statusCode).toBe(404);
		expect(response.json()).toMatchObject({ code: "not_found" });
	});

	it("answers 401 without the token, with another one, or with the token not as a bearer", async () => {
		const t = await buildTestApp(context, withMetrics());
		for (const authorization of [
			undefined,
			"Bearer not-the-metrics-token-at-all",
			`Bearer ${METRICS_TOKEN}x`,
			`Basic ${METRICS_TOKEN}`,
			METRICS_TOKEN,
		]) {
			const response = await scrapeRequest(t, authorization);
			expect(response.statusCode, String(authorization)).toBe(401);
			expect(response.json()).toMatchObject({ code: "unauthorized" });
			expect(response.body).not.toContain("trainer_");
		}
	});

	it("serves Prometheus's text format with the process's event-loop delay and memory", async () => {
		const t = await buildTestApp(context, withMetrics());
		const response = await scrapeRequest(t, `Bearer ${METRICS_TOKEN}`);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toMatch(/^text\/plain/);
		const metrics = await scrape(t);
		for (const name of [
			"nodejs_eventloop_lag_p99_seconds",
			"process_resident_memory_bytes",
			"nodejs_heap_size_used_bytes",
		])
			expect(metrics.has(name), name).toBe(true);
		expect(metrics.value("process_resident_memory_bytes")).toBeGreaterThan(0);
	});

	it("counts requests by route pattern and status, never by raw URL", async () => {
		const t = await buildTestApp(context, withMetrics());
		const headers = await t.auth(newUserId());
		const moved = await deltas(
			t,
			{
				quota: [
					"trainer_http_request_duration_seconds_count",
					{ method: "GET", route: "/api/quota", status_code: "200" },
				],
				answer404: [
					"trainer_http_errors_total",
					{ route: "/api/challenges/:id/answer", code: "not_found" },
				],
				unmatched: [
					"trainer_http_request_duration_seconds_count",
					{ route: "unmatched", status_code: "404" },
				],
			},
			async () => {
				await t.app.inject({ url: "/api/quota", headers });
				await t.app.inject({ url: "/api/quota", headers });
				await t.app.inject({
					method: "POST",
					url: "/api/challenges/999999999/answer",
					headers,
					payload: { answer_id: 0 },
				});
				await t.app.inject({ url: "/api/no-such-route-abc123" });
			},
		);
		expect(moved).toEqual({ quota: 2, answer404: 1, unmatched: 1 });
		const metrics = await scrape(t);
		expect(
			metrics.samples.some((sample) =>
				Object.values(sample.labels).some((v) => v.includes("abc123")),
			),
		).toBe(false);
	});

	/** An offline generator of the test's own: what the block's shared one has proven does not count. */
	const ownGenerator = () => {
		const generator = createGenerator({ kind: "offline" });
		onTestFinished(() => generator.close());
		return generator;
	};

	it("counts an offline generation by provider, language and outcome, its sandbox runs, the unit it took and where it came from", async () => {
		const t = await buildTestApp(
			context,
			withMetrics({ generator: ownGenerator() }),
		);
		const headers = await t.auth(newUserId());
		const moved = await deltas(
			t,
			{
				executed: [
					"trainer_generation_duration_seconds_count",
					{ provider: "offline", language: "python", outcome: "executed" },
				],
				generations: ["trainer_generation_duration_seconds_count"],
				pythonRuns: [
					"trainer_sandbox_run_duration_seconds_count",
					{ language: "python" },
				],
				javascriptRuns: [
					"trainer_sandbox_run_duration_seconds_count",
					{ language: "javascript" },
				],
				taken: ["trainer_quota_units_total", { event: "taken" }],
				refunded: ["trainer_quota_units_total", { event: "refunded" }],
				generated: ["trainer_challenges_served_total", { source: "generated" }],
				ok: [
					"trainer_http_request_duration_seconds_count",
					{ route: "/api/generate-challenge", status_code: "200" },
				],
			},
			async () => {
				const response = await generate(t, headers, {
					difficulty: "easy",
					language: "python",
				});
				expect(response.json().verification).toBe("executed");
			},
		);
		expect(moved).toMatchObject({
			executed: 1,
			generations: 1,
			javascriptRuns: 0,
			taken: 1,
			refunded: 0,
			generated: 1,
			ok: 1,
		});
		expect(moved.pythonRuns).toBeGreaterThanOrEqual(1);
	});

	it("counts a challenge the offline generator had proven for another user as served from its library, with no sandbox run", async () => {
		const t = await buildTestApp(
			context,
			withMetrics({ generator: ownGenerator() }),
		);
		// an idea of one family: the second user's draw finds what was proven for the first
		const request = { difficulty: "medium", idea: "js.set-and-map" };
		const served: Parameters<typeof deltas>[1] = {
			generated: ["trainer_challenges_served_total", { source: "generated" }],
			library: ["trainer_challenges_served_total", { source: "library" }],
			runs: [
				"trainer_sandbox_run_duration_seconds_count",
				{ language: "javascript" },
			],
		};
		const codes: string[] = [];
		const serveOne = async () => {
			const headers = await t.auth(newUserId());
			const response = await generate(t, headers, request);
			expect(response.statusCode).toBe(200);
			expect(response.json().verification).toBe("executed");
			codes.push(response.json().code);
		};
		const first = await deltas(t, served, serveOne);
		expect(first).toMatchObject({ generated: 1, library: 0 });
		expect(first.runs).toBeGreaterThanOrEqual(4);
		expect(await deltas(t, served, serveOne)).toEqual({
			generated: 0,
			library: 1,
			runs: 0,
		});
		expect(codes[1]).toBe(codes[0]);
	});

	it("counts the units the sweeper gives back after the process running their generations died", async () => {
		const db: Db = context.db.db;
		const dead = `instance-${randomUUID()}`;
		const longAgo = sql`now() - make_interval(secs => ${INSTANCE_STALE_AFTER_MS / 1000 + 5})`;
		await db
			.insert(serverInstances)
			.values({ id: dead, startedAt: longAgo, heartbeatAt: longAgo });
		const policy = { initial: 5, daily: 10, resetHours: 24 };
		const userId = newUserId();
		for (let i = 0; i < 2; i++)
			await takeQuotaUnit(db, { userId, owner: dead }, policy, new Date());
		// the sweeper runs once as the app gets ready, before it serves anything
		const t = await buildTestApp(context, withMetrics());
		const metrics = await scrape(t);
		expect(
			metrics.value("trainer_quota_units_total", {
				event: "refunded_after_crash",
			}),
		).toBe(2);
	});

	it("counts refused sign-ins by reason and sign-ups refused by the rate limit", async () => {
		const t = await buildTestApp(
			context,
			withMetrics({
				env: { ...LOCAL_MODE, SIGN_UP_LIMIT_PER_CLIENT: 1 },
			}),
		);
		const email = newEmail();
		const address = `10.9.${Math.floor(Math.random() * 250)}.7`;
		const moved = await deltas(
			t,
			{
				wrongPassword: [
					"trainer_sign_in_failures_total",
					{ reason: "invalid_credentials" },
				],
				signUpLimited: [
					"trainer_rate_limit_refusals_total",
					{ route: "/api/auth/sign-up", code: "rate_limited" },
				],
			},
			async () => {
				await signUp(t, email, PASSWORD, { address });
				expect((await signIn(t, email, "not the password")).json().code).toBe(
					"invalid_credentials",
				);
				const refused = await signUpRequest(
					t,
					{ email: newEmail(), password: PASSWORD },
					{ address },
				);
				expect(refused.json().code).toBe("rate_limited");
			},
		);
		expect(moved).toEqual({ wrongPassword: 1, signUpLimited: 1 });
	});

	it("counts webhook deliveries by outcome", async () => {
		const t = await buildTestApp(context, withMetrics());
		const event = signedEvent({
			type: "user.created",
			data: { id: newUserId() },
		});
		const outcome = (name: string) =>
			["trainer_webhook_deliveries_total", { outcome: name }] as [
				string,
				Record<string, string>,
			];
		const moved = await deltas(
			t,
			{
				processed: outcome("processed"),
				duplicate: outcome("duplicate"),
				invalid: outcome("invalid_signature"),
			},
			async () => {
				await deliver(t, event);
				await deliver(t, event);
				await deliver(t, {
					...event,
					headers: { ...event.headers, "svix-signature": "v1,AAAA" },
				});
			},
		);
		expect(moved).toEqual({ processed: 1, duplicate: 1, invalid: 1 });
	});
});

describe("GET /metrics with GENERATOR=openai", () => {
	const context = useTestContext("pglite");
	const model = useFakeModel();
	const draft = {
		title: "What does this print?",
		code: "console.log([1, 2].length + '1')",
		options: ["3", "21", "NaN", "2"],
		correct_answer_id: 1,
		explanation: "Explained.",
		asks_for_output: true,
	};
	const easyJavaScript = { difficulty: "easy", language: "javascript" };

	it("counts the model's attempts, the SDK's retries, a redraft, a failed generation and the unit it refunded", async () => {
		const t = await modelApp(
			context,
			model,
			withMetrics({ env: { OPENAI_TIMEOUT_MS: 2000 } }),
		);
		const headers = await t.auth(newUserId());
		const reads = {
			first500: [
				"trainer_model_requests_total",
				{ status: "500", retry: "false" },
			],
			retried500: [
				"trainer_model_requests_total",
				{ status: "500", retry: "true" },
			],
			ok: ["trainer_model_requests_total", { status: "200" }],
			redraft: ["trainer_model_redrafts_total", { reason: "unusable_reply" }],
			failed: [
				"trainer_generation_duration_seconds_count",
				{ provider: "openai", outcome: "failed" },
			],
			executed: [
				"trainer_generation_duration_seconds_count",
				{ provider: "openai", language: "javascript", outcome: "executed" },
			],
			refunded: ["trainer_quota_units_total", { event: "refunded" }],
			generatorFailed: [
				"trainer_http_errors_total",
				{ route: "/api/generate-challenge", code: "generator_failed" },
			],
		} satisfies Record<string, [string, Record<string, string>]>;

		// the SDK tries three times in all (two retries) before the generation fails
		model.fake.reply(failure(500), failure(500), failure(500));
		const failed = await deltas(t, reads, async () => {
			expect((await generate(t, headers, easyJavaScript)).json().code).toBe(
				"generator_failed",
			);
		});
		expect(failed).toMatchObject({
			first500: 1,
			retried500: 2,
			ok: 0,
			failed: 1,
			refunded: 1,
			generatorFailed: 1,
		});

		model.fake.reply(completion("not a challenge"), completion(draft));
		const redrafted = await deltas(t, reads, async () => {
			expect(
				(await generate(t, headers, easyJavaScript)).json().verification,
			).toBe("executed");
		});
		expect(redrafted).toMatchObject({
			ok: 2,
			redraft: 1,
			executed: 1,
			failed: 0,
			refunded: 0,
		});
	});

	it("reports the pool's ready challenges per cell, every cell listed, as the database holds them", async () => {
		const t = await modelApp(
			context,
			model,
			withMetrics({ env: { POOL_SIZE: 1 } }),
		);
		const ready = await context.generator.generate({
			difficulty: "medium",
			language: "python",
		});
		await addPooled(context.db.db, ready, new Date());
		const metrics = await scrape(t);
		const cells = metrics.samples.filter(
			(sample) => sample.name === "trainer_pool_ready_challenges",
		);
		expect(cells).toHaveLength(6);
		expect(
			metrics.value("trainer_pool_ready_challenges", {
				difficulty: "medium",
				language: "python",
			}),
		).toBeGreaterThanOrEqual(1);
	});
});
