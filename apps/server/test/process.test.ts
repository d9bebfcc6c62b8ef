import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChallengeSchema } from "@app/contract";
import { afterEach, describe, expect, it } from "vitest";
import {
	freePort,
	type ServerProcess,
	spawnServer,
	waitUntilReady,
} from "./helpers/server-process.js";
import { signedEvent, WEBHOOK_SECRET } from "./helpers/svix.js";
import { createKeyPair, signSessionToken } from "./helpers/tokens.js";

describe("the server process (src/main.ts)", () => {
	const cleanups: (() => Promise<unknown>)[] = [];
	afterEach(async () => {
		for (const cleanup of cleanups.splice(0)) await cleanup();
	});

	async function start(
		env: Record<string, string>,
	): Promise<{ server: ServerProcess; base: string }> {
		const dataDir = await mkdtemp(join(tmpdir(), "cct-process-"));
		const port = await freePort();
		const server = spawnServer({
			DATA_DIR: dataDir,
			PORT: String(port),
			...env,
		});
		cleanups.push(async () => {
			if (server.child.exitCode === null) {
				server.child.kill("SIGKILL");
				await server.exit;
			}
			await rm(dataDir, { recursive: true, force: true });
		});
		await waitUntilReady(server);
		return { server, base: `http://127.0.0.1:${port}` };
	}

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

	it("never logs tokens, cookies, webhook signatures or secrets", async () => {
		const keys = createKeyPair();
		const { server, base } = await start({
			CLERK_JWT_KEY: keys.publicPem,
			CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET,
			LOG_LEVEL: "trace",
		});
		const token = await signSessionToken(keys, "user_logged", {
			claims: { azp: base.replace("127.0.0.1", "localhost") },
		});
		const quota = await fetch(`${base}/api/quota`, {
			headers: {
				authorization: `Bearer ${token}`,
				cookie: "session=cookie-secret-value",
			},
		});
		expect(quota.status).toBe(200);
		const delivery = signedEvent({
			type: "user.created",
			data: { id: "user_logged" },
		});
		const webhook = await fetch(`${base}/webhooks/clerk`, {
			method: "POST",
			headers: delivery.headers,
			body: delivery.payload,
		});
		expect(webhook.status).toBe(200);
		await fetch(`${base}/api/quota`, {
			headers: { authorization: "Bearer forged.token.value" },
		});

		const output = server.output();
		expect(output).toContain("/api/quota");
		for (const secret of [
			token,
			"cookie-secret-value",
			delivery.headers["svix-signature"],
			WEBHOOK_SECRET,
			"forged.token.value",
		]) {
			expect(output).not.toContain(secret);
		}
	});

	it("never logs local passwords or session cookies", async () => {
		const { server, base } = await start({ LOG_LEVEL: "trace" });
		const password = "a very secret passphrase";
		const signUp = await fetch(`${base}/api/auth/sign-up`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email: "logged@example.com", password }),
		});
		expect(signUp.status).toBe(200);
		const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
		const token = await fetch(`${base}/api/auth/token`, {
			headers: { cookie },
		});
		const { token: jwt } = (await token.json()) as { token: string };
		await fetch(`${base}/api/auth/sign-in`, {
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

	it("finishes in-flight requests on SIGTERM, then exits 0", async () => {
		const keys = createKeyPair();
		const { server, base } = await start({
			CLERK_JWT_KEY: keys.publicPem,
			LOG_LEVEL: "info",
		});
		const token = await signSessionToken(keys, "user_shutdown", {
			claims: { azp: base },
		});
		const inFlight = fetch(`${base}/api/generate-challenge`, {
			method: "POST",
			headers: {
				authorization: `Bearer ${token}`,
				"content-type": "application/json",
			},
			body: JSON.stringify({ difficulty: "easy", language: "python" }),
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		server.child.kill("SIGTERM");
		const response = await inFlight;
		expect(response.status).toBe(200);
		expect(ChallengeSchema.parse(await response.json()).verified).toBe(true);
		expect(await server.exit).toBe(0);
		expect(server.output()).toContain("shutting down");
	});
});
