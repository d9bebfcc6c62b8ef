import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChallengeSchema } from "@app/contract";
import {
	failure,
	sandboxProcessIds,
	startFakeOpenAi,
} from "@app/generator/testing";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
	exitWithin,
	spawnServer,
	startServer,
	untilHealthy,
} from "../helpers/server-process.js";
import { signedEvent, WEBHOOK_SECRET } from "../helpers/svix.js";
import { createPostgresDatabase, ENGINES } from "../helpers/test-db.js";
import { createKeyPair, signSessionToken } from "../helpers/tokens.js";

/** main.ts gives a shutdown 30 s (SHUTDOWN_GRACE_MS); a wait after a signal allows that and a margin. */
const AFTER_SIGNAL_MS = 40_000;
/**
 * A shutdown test starts a server (up to a minute on a loaded machine), makes a request, then
 * waits out the shutdown; each wait has its own bound and fails first, with the server's output.
 */
const SHUTDOWN_TEST_MS = 150_000;

/** An easy Python generation on a running server, abandoned if no answer comes in AFTER_SIGNAL_MS. */
const generatePython = (base: string, token: string) =>
	fetch(`${base}/api/generate-challenge`, {
		method: "POST",
		headers: {
			authorization: `Bearer ${token}`,
			"content-type": "application/json",
		},
		body: JSON.stringify({ difficulty: "easy", language: "python" }),
		signal: AbortSignal.timeout(AFTER_SIGNAL_MS),
	});

describe("the server process (src/main.ts)", () => {
	const cleanups: (() => Promise<unknown>)[] = [];
	afterEach(async () => {
		for (const cleanup of cleanups.splice(0)) await cleanup();
	});

	it("refuses to start on a bad value with one line per variable and no stack trace", async () => {
		const server = spawnServer({
			QUOTA_DAILY: "-1",
			CLERK_SECRET_KEY: "not-a-clerk-key-value",
		});
		expect(await server.exit).toBe(1);
		const lines = server.output().trim().split("\n");
		expect(lines).toEqual([
			"Invalid configuration: CLERK_SECRET_KEY must start with sk_",
			"Invalid configuration: QUOTA_DAILY must be >= 0",
		]);
	});

	it("reads .env from its working directory, and the environment wins over it", async () => {
		const folder = await mkdtemp(join(tmpdir(), "cct-dotenv-"));
		cleanups.push(() => rm(folder, { recursive: true, force: true }));
		await writeFile(join(folder, ".env"), "QUOTA_DAILY=-1\nQUOTA_INITIAL=-2\n");
		const fromFile = spawnServer({}, folder);
		expect(await fromFile.exit).toBe(1);
		expect(fromFile.output().trim().split("\n")).toEqual([
			"Invalid configuration: QUOTA_INITIAL must be >= 0",
			"Invalid configuration: QUOTA_DAILY must be >= 0",
		]);
		const overridden = spawnServer({ QUOTA_DAILY: "5" }, folder);
		expect(await overridden.exit).toBe(1);
		expect(overridden.output().trim()).toBe(
			"Invalid configuration: QUOTA_INITIAL must be >= 0",
		);
	});

	it("never logs tokens, cookies, webhook signatures or secrets, not even at trace level", async () => {
		const keys = createKeyPair();
		const openAiKey = `sk-openai-${randomUUID()}`;
		const clerkSecret = `sk_test_clerk_${randomUUID()}`;
		// an OpenAI-compatible proxy that echoes the key it refuses, as some do
		const model = await startFakeOpenAi(
			failure(401, `Incorrect API key provided: ${openAiKey}`),
		);
		cleanups.push(() => model.close());
		const server = await startServer({
			CLERK_JWT_KEY: keys.publicPem,
			CLERK_SECRET_KEY: clerkSecret,
			CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET,
			OPENAI_API_KEY: openAiKey,
			OPENAI_BASE_URL: model.url,
			POOL_SIZE: "0",
			LOG_LEVEL: "trace",
		});
		const token = await signSessionToken(keys, "user_logged", {
			claims: { azp: server.base.replace("127.0.0.1", "localhost") },
		});
		const headers = {
			authorization: `Bearer ${token}`,
			cookie: "session=cookie-secret-value",
		};
		const quota = await fetch(`${server.base}/api/quota`, { headers });
		expect(quota.status).toBe(200);
		const failed = await fetch(`${server.base}/api/generate-challenge`, {
			method: "POST",
			headers: { ...headers, "content-type": "application/json" },
			body: JSON.stringify({ difficulty: "easy", language: "javascript" }),
		});
		expect(failed.status).toBe(503);
		expect(await failed.text()).not.toContain(openAiKey);
		const delivery = signedEvent({
			type: "user.created",
			data: { id: "user_logged" },
		});
		const webhook = await fetch(`${server.base}/webhooks/clerk`, {
			method: "POST",
			headers: delivery.headers,
			body: delivery.payload,
		});
		expect(webhook.status).toBe(200);
		await fetch(`${server.base}/api/quota`, {
			headers: { authorization: "Bearer forged.token.value" },
		});

		const output = server.output();
		expect(output).toContain("/api/quota");
		// the refusal was logged, with the key cut out
		expect(output).toContain("Incorrect API key provided");
		for (const secret of [
			token,
			"cookie-secret-value",
			delivery.headers["svix-signature"],
			WEBHOOK_SECRET,
			"forged.token.value",
			openAiKey,
			clerkSecret,
		]) {
			expect(output).not.toContain(secret);
		}
	});

	it.runIf(ENGINES.includes("postgres"))(
		"logs a PostgreSQL connection the server closed, without the DATABASE_URL password, and keeps serving",
		async () => {
			const url = new URL(await createPostgresDatabase());
			// trust authentication ignores it; a server that checks passwords has one in TEST_DATABASE_URL
			if (!url.password) url.password = `pg-secret-${randomUUID()}`;
			const password = decodeURIComponent(url.password);
			const server = await startServer({
				DATABASE_URL: url.toString(),
				LOG_LEVEL: "trace",
			});
			await untilHealthy(server);

			const admin = new pg.Client({ connectionString: url.toString() });
			await admin.connect();
			await admin.query(
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				 WHERE datname = current_database() AND pid <> pg_backend_pid()`,
			);
			await admin.end();
			await expect
				.poll(() => server.output(), { timeout: 10_000 })
				.toContain("PostgreSQL closed an idle connection");
			const health = await fetch(`${server.base}/api/health`);
			expect(health.status).toBe(200);
			expect(server.child.exitCode).toBeNull();
			expect(server.output()).not.toContain(password);
		},
	);

	it("never logs local passwords or session cookies", async () => {
		const server = await startServer({ LOG_LEVEL: "trace" });
		const password = "a very secret passphrase";
		const signUp = await fetch(`${server.base}/api/auth/sign-up`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email: "logged@example.com", password }),
		});
		expect(signUp.status).toBe(200);
		const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
		const token = await fetch(`${server.base}/api/auth/token`, {
			headers: { cookie },
		});
		const { token: jwt } = (await token.json()) as { token: string };
		await fetch(`${server.base}/api/auth/sign-in`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({
				email: "logged@example.com",
				password: "a wrong passphrase",
			}),
		});
		const output = server.output();
		expect(output).toContain("/api/auth/sign-up");
		for (const secret of [
			password,
			"a wrong passphrase",
			cookie.split("=")[1] ?? "",
			jwt,
		]) {
			expect(secret.length).toBeGreaterThan(10);
			expect(output).not.toContain(secret);
		}
	});

	it.each(["SIGTERM", "SIGINT"] as const)(
		"finishes in-flight requests on %s, then exits 0",
		{ timeout: SHUTDOWN_TEST_MS },
		async (signal) => {
			const keys = createKeyPair();
			// debug: the "incoming request" line, which tells the request has arrived, is written at debug
			const server = await startServer({
				CLERK_JWT_KEY: keys.publicPem,
				LOG_LEVEL: "debug",
			});
			const token = await signSessionToken(keys, "user_shutdown", {
				claims: { azp: server.base },
			});
			// Python: its interpreter is still loading, so the request is still in flight at the signal
			const inFlight = generatePython(server.base, token);
			await expect
				.poll(() => server.output(), { timeout: 10_000 })
				.toContain('"route":"/api/generate-challenge"');
			server.child.kill(signal);
			const response = await inFlight;
			expect(response.status).toBe(200);
			expect(ChallengeSchema.parse(await response.json()).verified).toBe(true);
			expect(await exitWithin(server, AFTER_SIGNAL_MS)).toBe(0);
			const output = server.output();
			expect(output).toContain(`"signal":"${signal}"`);
			// the signal came while the request was still being served
			expect(output.indexOf(`"signal":"${signal}"`)).toBeLessThan(
				output.indexOf('"msg":"request completed"'),
			);
			expect(output).toContain('"msg":"shut down"');
		},
	);

	it("exits 0 on SIGTERM while the sandboxes are still starting, and leaves no sandbox process", {
		timeout: SHUTDOWN_TEST_MS,
	}, async () => {
		const server = await startServer({ LOG_LEVEL: "info" });
		const pid = server.child.pid ?? 0;
		await expect
			.poll(() => sandboxProcessIds(pid), { timeout: 10_000 })
			.not.toHaveLength(0);
		const sandboxes = sandboxProcessIds(pid);
		// the sandbox process is up but Python is still loading in it
		expect((await fetch(`${server.base}/api/health`)).status).toBe(503);
		server.child.kill("SIGTERM");
		expect(await exitWithin(server, 15_000)).toBe(0);
		expect(server.output()).toContain('"msg":"shut down"');
		for (const sandbox of sandboxes)
			expect(existsSync(`/proc/${sandbox}`)).toBe(false);
	});

	it("ends a shutdown still waiting after its 30 s grace with exit 1, saying what it waited for", {
		timeout: SHUTDOWN_TEST_MS,
	}, async () => {
		const keys = createKeyPair();
		// a model that never answers: the generation is still in flight when the grace ends
		const model = await startFakeOpenAi({ delayMs: 600_000 });
		cleanups.push(() => model.close());
		const server = await startServer({
			CLERK_JWT_KEY: keys.publicPem,
			OPENAI_API_KEY: "sk-test",
			OPENAI_BASE_URL: model.url,
			OPENAI_TIMEOUT_MS: "600000",
			POOL_SIZE: "0",
			LOG_LEVEL: "info",
		});
		const token = await signSessionToken(keys, "user_overrun", {
			claims: { azp: server.base },
		});
		const inFlight = generatePython(server.base, token).then(
			(response) => response.status,
			(error: Error) => error.name,
		);
		await expect
			.poll(() => model.requests.length, { timeout: 10_000 })
			.toBeGreaterThan(0);
		server.child.kill("SIGTERM");
		expect(await exitWithin(server, AFTER_SIGNAL_MS)).toBe(1);
		// the connection went with the process; no answer came
		expect(await inFlight).toBe("TypeError");
		const overrun = server
			.output()
			.split("\n")
			.find((line) => line.includes("shutdown did not finish in time"));
		expect(JSON.parse(overrun ?? "{}")).toMatchObject({
			signal: "SIGTERM",
			graceMs: 30_000,
			waitingFor: "in-flight requests",
		});
	});
});
