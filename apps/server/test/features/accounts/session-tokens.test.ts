import { createPublicKey, type JsonWebKey } from "node:crypto";
import { SessionTokenSchema } from "@app/contract";
import { describe, expect, it } from "vitest";
import { instanceSecret } from "../../../src/db/instance-secret.js";
import { createLocalAuth } from "../../../src/features/accounts/local-auth.js";
import { buildTestApp, useTestContext } from "../../helpers/build-test-app.js";
import {
	bearer,
	LOCAL_MODE,
	localApp,
	newEmail,
	signUp,
	tokenFor,
	tokenRequest,
} from "../../helpers/local-accounts.js";
import { quota } from "../../helpers/practice.js";
import { createTestDb, ENGINES } from "../../helpers/test-db.js";
import {
	createKeyPair,
	hs256WithPublicKey,
	jwtParts,
	signSessionToken,
	unsignedToken,
} from "../../helpers/tokens.js";

describe.each(ENGINES)("local session tokens on %s", (engine) => {
	const context = useTestContext(engine);

	describe("GET /api/auth/token", () => {
		it("issues RS256 tokens of Clerk's shape that live 60 seconds", async () => {
			const t = await localApp(context);
			const { cookie, userId } = await signUp(t, newEmail());
			const { token, expires_at } = (await tokenFor(t, cookie)).json();
			const [header, claims] = jwtParts(token);
			expect(header).toMatchObject({ alg: "RS256", kid: expect.any(String) });
			expect(claims).toMatchObject({
				sub: userId,
				sid: expect.any(String),
				azp: "http://localhost:8000",
			});
			const { iat, nbf, exp } = claims as {
				iat: number;
				nbf: number;
				exp: number;
			};
			expect(exp - iat).toBe(60);
			expect(nbf).toBe(iat);
			expect(new Date(expires_at).getTime()).toBe(exp * 1000);
		});

		it("dates its tokens by the app's clock, which tests move, not by the wall clock", async () => {
			// 20 s behind: still inside the token's minute, so the token is accepted as well
			const clock = new Date(Math.floor((Date.now() - 20_000) / 1000) * 1000);
			const t = await localApp(context, { now: () => clock });
			const { cookie } = await signUp(t, newEmail());
			const { token } = (await tokenFor(t, cookie)).json();
			const [, claims] = jwtParts(token);
			expect(claims).toMatchObject({
				iat: clock.getTime() / 1000,
				exp: clock.getTime() / 1000 + 60,
			});
			expect((await quota(t, bearer(token))).statusCode).toBe(200);
		});

		it.each([
			["no cookie", undefined],
			["a forged cookie", "better-auth.session_token=forged.value"],
		])("refuses a token with %s", async (_, cookie) => {
			const t = await localApp(context);
			const response = await tokenRequest(t, { cookie });
			expect(response.statusCode).toBe(401);
			expect(response.json()).toMatchObject({ code: "unauthorized" });
		});
	});

	describe("GET /api/auth/jwks", () => {
		it("publishes the public key that verifies its tokens at /api/auth/jwks", async () => {
			const t = await localApp(context);
			const { cookie } = await signUp(t, newEmail());
			const { token } = (await tokenFor(t, cookie)).json();
			const [header] = jwtParts(token);
			const jwks = (
				await t.app.inject({ method: "GET", url: "/api/auth/jwks" })
			).json();
			const key = jwks.keys.find((k: { kid: string }) => k.kid === header?.kid);
			expect(key).toMatchObject({
				kty: "RSA",
				n: expect.any(String),
				e: "AQAB",
			});
			expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
		});
	});

	it("refuses a token signed by another installation's key", async () => {
		const t = await localApp(context);
		const other = await createTestDb(engine);
		try {
			const elsewhere = await buildTestApp(context, {
				env: LOCAL_MODE,
				db: other,
			});
			const { cookie } = await signUp(elsewhere, newEmail());
			const foreign = (await tokenFor(elsewhere, cookie)).json().token;
			expect((await quota(elsewhere, bearer(foreign))).statusCode).toBe(200);
			expect((await quota(t, bearer(foreign))).statusCode).toBe(401);
			await elsewhere.app.close();
		} finally {
			await other.close();
		}
	});
});

describe("local session tokens under attack", () => {
	const context = useTestContext("pglite");

	/** The server's own signing key, as another process of the installation would use it. */
	async function ownSigner() {
		const auth = createLocalAuth({
			db: context.db.db,
			secret: await instanceSecret(context.db.db, "better-auth"),
			trustedOrigins: [],
			onUserCreated: async () => undefined,
			onUserDeleted: async () => undefined,
			log: () => undefined,
		});
		return (payload: Record<string, unknown>) =>
			auth.api.signJWT({ body: { payload } }).then((signed) => signed.token);
	}

	it("refuses, on the bearer path every request takes, tokens naming the real key id that are forged, expired or for another party", async () => {
		const t = await localApp(context);
		const { cookie, userId } = await signUp(t, newEmail());
		const genuine = SessionTokenSchema.parse(
			(await tokenFor(t, cookie)).json(),
		).token;
		const kid = String(jwtParts(genuine)[0]?.kid);
		expect((await quota(t, bearer(genuine))).statusCode).toBe(200);
		const jwks = (
			await t.app.inject({ method: "GET", url: "/api/auth/jwks" })
		).json() as { keys: (JsonWebKey & { kid: string })[] };
		const published = jwks.keys.find((key) => key.kid === kid);
		if (!published) throw new Error("the token's key is not published");
		const publicPem = createPublicKey({ key: published, format: "jwk" })
			.export({ type: "spki", format: "pem" })
			.toString();
		const sign = await ownSigner();
		const now = Math.floor(Date.now() / 1000);
		const claims = {
			sub: userId,
			sid: "sess_forged",
			azp: "http://localhost:8000",
			iat: now,
			nbf: now,
			exp: now + 60,
		};
		expect((await quota(t, bearer(await sign(claims)))).statusCode).toBe(200);

		const attacks: [string, string, RegExp][] = [
			[
				"signed by an attacker's key",
				await signSessionToken(createKeyPair(), userId, {
					kid,
					claims: { azp: "http://localhost:8000" },
				}),
				/invalid/,
			],
			[
				"expired",
				await sign({
					...claims,
					iat: now - 120,
					nbf: now - 120,
					exp: now - 60,
				}),
				/expired/,
			],
			[
				"issued for another party (azp)",
				(await tokenFor(t, cookie, "https://evil.example")).json().token,
				/azp/,
			],
			["unsigned (alg none)", unsignedToken(userId, kid), /invalid/],
			[
				"HS256 keyed with the public key",
				await hs256WithPublicKey({ publicPem }, userId, kid),
				/invalid/,
			],
		];
		for (const [what, token, reason] of attacks) {
			expect(jwtParts(token)[0], what).toMatchObject({ kid });
			const response = await quota(t, bearer(token));
			expect(response.statusCode, what).toBe(401);
			expect(response.json(), what).toEqual({
				code: "unauthorized",
				detail: expect.stringMatching(reason),
			});
		}
	});
});
