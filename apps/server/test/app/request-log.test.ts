import { describe, expect, it, onTestFinished } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import {
	newUserId,
	type TestApp,
	type TestContext,
	useTestContext,
	waitUntilWarm,
} from "../helpers/build-test-app.js";
import {
	bearer,
	LOCAL_MODE,
	newEmail,
	PASSWORD,
	signUp,
	tokenFor,
} from "../helpers/local-accounts.js";
import { answer, generate, quota } from "../helpers/practice.js";
import { signSessionToken } from "../helpers/tokens.js";

interface LogLine {
	level: number;
	msg: string;
	reqId?: string;
	userId?: string;
	method?: string;
	route?: string | null;
	path?: string;
	status?: number;
	durationMs?: number;
	outcome?: string;
	[field: string]: unknown;
}

/** The real app, at log level info, writing its log lines into an array. */
async function loggedApp(
	context: TestContext,
	env: Record<string, string | number | undefined> = {},
) {
	const lines: string[] = [];
	const config = loadConfig(
		Object.fromEntries(
			Object.entries({
				LOG_LEVEL: "info",
				POOL_SIZE: 0,
				// as in buildTestApp: a stalled test machine must not shed these requests
				OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 0,
				CLERK_JWT_KEY: context.keys.publicPem,
				...env,
			}).map(([key, value]) => [key, value?.toString()]),
		),
	);
	const app = await buildApp(config, {
		db: context.db,
		generator: context.generator,
		webRoot: "/nonexistent-web-build",
		logStream: { write: (line) => lines.push(line) },
	});
	await app.ready();
	onTestFinished(() => app.close());
	const t: TestApp = {
		app,
		config,
		auth: async (userId) =>
			bearer(await signSessionToken(context.keys, userId)),
	};
	return {
		t,
		output: () => lines.join(""),
		/** the "request completed" lines, oldest first */
		completed: () =>
			lines
				.map((line) => JSON.parse(line) as LogLine)
				.filter((line) => line.msg === "request completed"),
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("request logs", () => {
	const context = useTestContext("pglite");

	it("logs one line per request: its id, method, route pattern, status, duration, user and outcome", async () => {
		const { t, completed } = await loggedApp(context);
		await waitUntilWarm(t.app);
		const userId = newUserId();
		const headers = await t.auth(userId);
		const challenge = (
			await generate(t, headers, { difficulty: "easy", language: "python" })
		).json();
		const answered = await answer(t, headers, challenge.id, {
			answer_id: challenge.correct_answer_id,
		});
		expect(answered.statusCode).toBe(200);

		const lines = completed();
		expect(lines.map((line) => line.route)).toEqual([
			"/api/generate-challenge",
			"/api/challenges/:id/answer",
		]);
		const line = lines[1];
		expect(line).toMatchObject({
			level: 30,
			reqId: answered.headers["x-request-id"],
			method: "POST",
			route: "/api/challenges/:id/answer",
			status: 200,
			userId,
			outcome: "ok",
		});
		expect(line?.reqId).toMatch(UUID);
		expect(line?.durationMs).toBeGreaterThanOrEqual(0);
		// Fastify's own "incoming request" line is not written at info
		expect(completed().length).toBe(2);
	});

	it("reports an error answer's code as the outcome, and no user for a caller who was refused", async () => {
		const { t, completed } = await loggedApp(context);
		await waitUntilWarm(t.app);
		const headers = await t.auth(newUserId());
		const challenge = (
			await generate(t, headers, { difficulty: "easy", language: "python" })
		).json();
		const payload = { answer_id: challenge.correct_answer_id };
		await answer(t, headers, challenge.id, payload);
		const again = await answer(t, headers, challenge.id, payload);
		expect(again.statusCode).toBe(409);
		await quota(t, { authorization: "Bearer not-a-token" });
		await t.app.inject({ method: "GET", url: "/api/nope/42?token=abc" });

		const [, , repeated, refused, unknown] = completed();
		expect(repeated).toMatchObject({
			route: "/api/challenges/:id/answer",
			status: 409,
			outcome: "already_answered",
		});
		expect(refused).toMatchObject({
			route: "/api/quota",
			status: 401,
			outcome: "unauthorized",
		});
		expect(refused).not.toHaveProperty("userId");
		// an unmatched URL is logged by its path, without the query string
		expect(unknown).toMatchObject({
			route: null,
			path: "/api/nope/42",
			status: 404,
			outcome: "not_found",
		});
	});

	describe("X-Request-Id", () => {
		const sentId = "lb-7f3a9c2e-0001";

		async function idOf(
			env: Record<string, string | undefined>,
			remoteAddress: string,
			requestId: string,
		) {
			const { t, completed } = await loggedApp(context, env);
			const response = await t.app.inject({
				method: "GET",
				url: "/api/config",
				remoteAddress,
				headers: { "x-request-id": requestId },
			});
			const echoed = response.headers["x-request-id"];
			expect(completed().at(-1)?.reqId).toBe(echoed);
			return echoed;
		}

		it("is ignored when TRUST_PROXY is unset: the server makes its own, and echoes that", async () => {
			const id = await idOf({}, "10.1.2.3", sentId);
			expect(id).toMatch(UUID);
		});

		it("is taken from a trusted proxy, named by address or by a hop count", async () => {
			expect(
				await idOf({ TRUST_PROXY: "10.0.0.0/8" }, "10.1.2.3", sentId),
			).toBe(sentId);
			expect(await idOf({ TRUST_PROXY: "1" }, "192.0.2.7", sentId)).toBe(
				sentId,
			);
		});

		it("is not taken from a peer TRUST_PROXY does not name", async () => {
			expect(
				await idOf({ TRUST_PROXY: "10.0.0.0/8" }, "192.0.2.7", sentId),
			).toMatch(UUID);
		});

		it.each([
			["too long", "a".repeat(129)],
			["with a space", "two words"],
			["with a line break", "id\nforged line"],
			["with a quote", 'id"x'],
		])("is replaced when %s, even from a trusted proxy", async (_, value) => {
			expect(await idOf({ TRUST_PROXY: "1" }, "10.1.2.3", value)).toMatch(UUID);
		});

		it("is echoed and logged on error answers too, those the router gives before any hook included", async () => {
			const { t, completed } = await loggedApp(context);
			const refused = await quota(t, {});
			const malformed = await t.app.inject({ method: "GET", url: "/api/%zz" });
			expect([refused.statusCode, malformed.statusCode]).toEqual([401, 400]);
			const lines = completed();
			for (const [index, response] of [refused, malformed].entries()) {
				expect(response.headers["x-request-id"]).toMatch(UUID);
				expect(lines[index]?.reqId).toBe(response.headers["x-request-id"]);
			}
			expect(lines[1]).toMatchObject({
				route: null,
				path: "/api/%zz",
				status: 400,
				outcome: "invalid_request",
			});
		});
	});

	it("never logs a password, a cookie, a token or a challenge's code", async () => {
		const { t, output, completed } = await loggedApp(context, LOCAL_MODE);
		await waitUntilWarm(t.app);
		const account = await signUp(t, newEmail(), PASSWORD);
		const token = (await tokenFor(t, account.cookie)).json().token as string;
		const challenge = (
			await generate(t, bearer(token), {
				difficulty: "medium",
				language: "python",
			})
		).json();
		await answer(t, bearer(token), challenge.id, { answer_id: 0 });

		expect(completed().at(-1)).toMatchObject({
			route: "/api/challenges/:id/answer",
			userId: account.userId,
		});
		const logged = output();
		const secrets = [
			PASSWORD,
			account.cookie.split("=")[1] ?? account.cookie,
			account.device.split("=")[1] ?? account.device,
			token,
			challenge.code,
		];
		for (const secret of secrets) {
			expect(secret.length).toBeGreaterThan(8);
			expect(logged).not.toContain(secret);
			expect(logged).not.toContain(JSON.stringify(secret).slice(1, -1));
		}
		expect(logged).not.toMatch(/authorization|cookie|answer_id/i);
	});
});
