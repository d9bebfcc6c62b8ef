import { createPublicKey } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challenges, quotas } from "../../src/db/schema.js";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	useTestContext,
	waitUntilWarm,
} from "../helpers/build-test-app.js";
import { generate, quota } from "../helpers/practice.js";
import { health, publicConfig } from "../helpers/system.js";
import {
	createKeyPair,
	hs256WithPublicKey,
	signSessionToken,
	tamperedToken,
	unsignedToken,
} from "../helpers/tokens.js";

const quotaRequest = (t: TestApp, authorization?: string) =>
	quota(t, authorization ? { authorization } : {});

describe("authentication", () => {
	const context = useTestContext("pglite");

	it("accepts a valid Clerk session token and exposes its subject as the user", async () => {
		const t = await buildTestApp(context);
		const userId = newUserId();
		const response = await quotaRequest(
			t,
			(await t.auth(userId)).authorization,
		);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toMatchObject({ user_id: userId });
	});

	it("accepts a token from one of the server's own origins on its port", async () => {
		const t = await buildTestApp(context, { env: { PORT: 8123 } });
		const headers = await t.auth(newUserId(), {
			claims: { azp: "http://127.0.0.1:8123" },
		});
		expect((await quotaRequest(t, headers.authorization)).statusCode).toBe(200);
	});

	it("verifies tokens with a CLERK_JWT_KEY given as PKCS#1 (BEGIN RSA PUBLIC KEY) with escaped newlines", async () => {
		const pkcs1 = createPublicKey(context.keys.publicPem)
			.export({ type: "pkcs1", format: "pem" })
			.toString();
		const t = await buildTestApp(context, {
			env: { CLERK_JWT_KEY: pkcs1.replaceAll("\n", "\\n") },
		});
		const userId = newUserId();
		const response = await quotaRequest(
			t,
			(await t.auth(userId)).authorization,
		);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toMatchObject({ user_id: userId });
	});

	const otherKeys = createKeyPair();
	const attacks: [string, (userId: string) => Promise<string> | string][] = [
		["no token", () => ""],
		["a malformed Authorization header", () => "Token abc"],
		["a token that is not a JWT", () => "Bearer not.a.jwt"],
		[
			"an expired token",
			(u) =>
				signSessionToken(context.keys, u, { expiresIn: -30 }).then(
					(t) => `Bearer ${t}`,
				),
		],
		[
			"a token that is not valid yet",
			(u) =>
				signSessionToken(context.keys, u, { notBefore: 60 }).then(
					(t) => `Bearer ${t}`,
				),
		],
		[
			"a token without exp",
			(u) =>
				signSessionToken(context.keys, u, { claims: { exp: undefined } }).then(
					(t) => `Bearer ${t}`,
				),
		],
		[
			"a token for another authorized party",
			(u) =>
				signSessionToken(context.keys, u, {
					claims: { azp: "https://evil.example" },
				}).then((t) => `Bearer ${t}`),
		],
		[
			"a token without azp",
			(u) =>
				signSessionToken(context.keys, u, { claims: { azp: undefined } }).then(
					(t) => `Bearer ${t}`,
				),
		],
		[
			"a token signed by another key",
			(u) => signSessionToken(otherKeys, u).then((t) => `Bearer ${t}`),
		],
		["an unsigned alg:none token", (u) => `Bearer ${unsignedToken(u)}`],
		[
			"an HS256 token keyed with the public key",
			(u) => hs256WithPublicKey(context.keys, u).then((t) => `Bearer ${t}`),
		],
		[
			"a token whose payload was tampered with",
			(u) =>
				signSessionToken(context.keys, "user_attacker").then(
					(t) => `Bearer ${tamperedToken(t, { sub: u })}`,
				),
		],
	];

	it.each(attacks)(
		"answers 401 for %s, without a stack trace or the token, and touches nothing of the user it names",
		async (_, makeHeader) => {
			const t = await buildTestApp(context);
			const victim = newUserId();
			const header = await makeHeader(victim);
			const response = await quotaRequest(t, header);
			expect(response.statusCode).toBe(401);
			expect(response.json()).toEqual({
				detail: expect.any(String),
				code: "unauthorized",
			});
			const token = header.split(" ")[1];
			if (token && token.length > 20)
				expect(response.body).not.toContain(token);
			expect(response.body).not.toMatch(/\.(ts|js):\d+/);
			const generated = await generate(
				t,
				header ? { authorization: header } : {},
				{ difficulty: "easy", language: "javascript" },
			);
			expect(generated.statusCode).toBe(401);

			const db = context.db.db;
			expect(
				await db.select().from(quotas).where(eq(quotas.userId, victim)),
			).toEqual([]);
			expect(
				await db.select().from(challenges).where(eq(challenges.userId, victim)),
			).toEqual([]);
		},
	);

	it("remembers an accepted token by all of it: a copy with its payload changed is still refused, and touches nothing", async () => {
		const t = await buildTestApp(context);
		const owner = newUserId();
		const victim = newUserId();
		const { authorization } = await t.auth(owner);
		// accepted, and now remembered by this server
		for (let i = 0; i < 2; i++)
			expect((await quotaRequest(t, authorization)).statusCode).toBe(200);
		const token = authorization.split(" ")[1] ?? "";
		const forged = `Bearer ${tamperedToken(token, { sub: victim })}`;
		const response = await quotaRequest(t, forged);
		expect(response.statusCode).toBe(401);
		expect(response.json()).toMatchObject({ code: "unauthorized" });
		// the signature alone, under another header and payload, proves nothing either
		const [, , signature] = token.split(".");
		const [header, payload] = unsignedToken(victim).split(".");
		expect(
			(await quotaRequest(t, `Bearer ${header}.${payload}.${signature}`))
				.statusCode,
		).toBe(401);
		expect(
			await context.db.db
				.select()
				.from(quotas)
				.where(eq(quotas.userId, victim)),
		).toEqual([]);
	});

	const seconds = () => Math.floor(Date.now() / 1000);
	it.each([
		["nbf 3 seconds ahead", () => ({ nbf: seconds() + 3 }), 200],
		["nbf 20 seconds ahead", () => ({ nbf: seconds() + 20 }), 401],
		["exp 10 seconds past", () => ({ exp: seconds() - 10 }), 401],
	])(
		"allows 5 seconds of clock skew: a token with %s answers %i",
		async (_, claims, status) => {
			const t = await buildTestApp(context);
			const headers = await t.auth(newUserId(), { claims: claims() });
			expect((await quotaRequest(t, headers.authorization)).statusCode).toBe(
				status,
			);
		},
	);

	it("creates no quota for a refused caller", async () => {
		const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 7 } });
		const userId = newUserId();
		const expired = await signSessionToken(context.keys, userId, {
			expiresIn: -30,
		});
		const refused = await generate(
			t,
			{ authorization: `Bearer ${expired}` },
			{ difficulty: "easy" },
		);
		expect(refused.statusCode).toBe(401);
		const remaining = await quotaRequest(
			t,
			(await t.auth(userId)).authorization,
		);
		expect(remaining.json()).toMatchObject({ quota_remaining: 7 });
	});

	it("leaves /api/health and /api/config public", async () => {
		const t = await buildTestApp(context);
		await waitUntilWarm(t.app);
		expect((await health(t)).statusCode).toBe(200);
		expect((await publicConfig(t)).statusCode).toBe(200);
	});

	describe("with CLERK_SECRET_KEY instead of CLERK_JWT_KEY", () => {
		let jwks: Server;
		let jwksRequests = 0;
		let apiUrl = "";
		beforeAll(async () => {
			const jwk = createPublicKey(context.keys.publicPem).export({
				format: "jwk",
			});
			jwks = createServer((request, response) => {
				jwksRequests += 1;
				if (
					request.url !== "/v1/jwks" ||
					request.headers.authorization !== "Bearer sk_test_local"
				) {
					response.writeHead(401).end();
					return;
				}
				response.writeHead(200, { "content-type": "application/json" });
				response.end(
					JSON.stringify({
						keys: [{ ...jwk, kid: "ins_test", alg: "RS256", use: "sig" }],
					}),
				);
			});
			await new Promise<void>((resolve) =>
				jwks.listen(0, "127.0.0.1", resolve),
			);
			apiUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
		});
		afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

		it("verifies tokens against Clerk's JWKS and caches it", async () => {
			const t = await buildTestApp(context, {
				env: {
					CLERK_JWT_KEY: undefined,
					CLERK_SECRET_KEY: "sk_test_local",
					CLERK_API_URL: apiUrl,
				},
			});
			for (let i = 0; i < 3; i++) {
				const response = await quotaRequest(
					t,
					(await t.auth(newUserId())).authorization,
				);
				expect(response.statusCode).toBe(200);
			}
			expect(jwksRequests).toBe(1);
			const forged = await signSessionToken(otherKeys, newUserId());
			expect((await quotaRequest(t, `Bearer ${forged}`)).statusCode).toBe(401);
		});
	});
});
