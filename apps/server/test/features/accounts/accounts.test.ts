import { createPublicKey, type JsonWebKey, randomUUID } from "node:crypto";
import { SessionTokenSchema } from "@app/contract";
import { eq } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import { authAccounts, authUsers } from "../../../src/db/auth-schema.js";
import { instanceSecret } from "../../../src/db/instance-secret.js";
import { quotas } from "../../../src/db/schema.js";
import { createLocalAuth } from "../../../src/features/accounts/local-auth.js";
import {
	buildTestApp,
	buildTwoServers,
	type TestApp,
	type TestAppOptions,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	bearer,
	LOCAL_MODE,
	sessionCookie,
	signIn,
	signUp,
	tokenFor,
} from "../../helpers/local-accounts.js";
import { startServer } from "../../helpers/server-process.js";
import {
	connectPostgres,
	createPostgresDatabase,
	createTestDb,
	ENGINES,
} from "../../helpers/test-db.js";
import {
	createKeyPair,
	hs256WithPublicKey,
	signSessionToken,
	unsignedToken,
} from "../../helpers/tokens.js";

const newEmail = () => `learner-${randomUUID().slice(0, 8)}@example.com`;
const PASSWORD = "correct horse battery";

const localApp = (
	context: Parameters<typeof buildTestApp>[0],
	options: TestAppOptions = {},
) =>
	buildTestApp(context, {
		...options,
		env: { ...LOCAL_MODE, QUOTA_INITIAL: 7, ...options.env },
	});

const decode = (token: string) =>
	token
		.split(".")
		.slice(0, 2)
		.map(
			(part) =>
				JSON.parse(Buffer.from(part, "base64url").toString()) as Record<
					string,
					unknown
				>,
		);

const quotaCall = (t: TestApp, token: string) =>
	t.app.inject({ method: "GET", url: "/api/quota", headers: bearer(token) });

describe.each(ENGINES)("local accounts on %s", (engine) => {
	const context = useTestContext(engine);

	it("signs up, gets a token, calls the API, signs out, and is then refused a token", async () => {
		const t = await localApp(context);
		const { cookie, userId } = await signUp(t, newEmail());
		const issued = await tokenFor(t, cookie);
		expect(issued.statusCode).toBe(200);
		expect(issued.headers["cache-control"]).toBe("no-store");
		const { token } = SessionTokenSchema.parse(issued.json());
		const quota = await quotaCall(t, token);
		expect(quota.json()).toMatchObject({ user_id: userId, quota_remaining: 7 });

		const out = await t.app.inject({
			method: "POST",
			url: "/api/auth/sign-out",
			headers: { cookie },
		});
		expect(out.json()).toEqual({ status: "signed_out" });
		expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
		const refused = await tokenFor(t, cookie);
		expect(refused.statusCode).toBe(401);
		expect(refused.json()).toMatchObject({ code: "unauthorized" });
	});

	it("reports the session's account, and null when signed out", async () => {
		const t = await localApp(context);
		const email = newEmail();
		const { cookie, userId } = await signUp(t, email);
		const signedIn = await t.app.inject({
			method: "GET",
			url: "/api/auth/session",
			headers: { cookie },
		});
		expect(signedIn.json()).toEqual({ user: { id: userId, email } });
		const signedOut = await t.app.inject({
			method: "GET",
			url: "/api/auth/session",
		});
		expect(signedOut.statusCode).toBe(200);
		expect(signedOut.json()).toEqual({ user: null });
	});

	it("issues RS256 tokens of Clerk's shape that live 60 seconds", async () => {
		const t = await localApp(context);
		const { cookie, userId } = await signUp(t, newEmail());
		const { token, expires_at } = (await tokenFor(t, cookie)).json();
		const [header, claims] = decode(token);
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

	it("publishes the public key that verifies its tokens at /api/auth/jwks", async () => {
		const t = await localApp(context);
		const { cookie } = await signUp(t, newEmail());
		const { token } = (await tokenFor(t, cookie)).json();
		const [header] = decode(token);
		const jwks = (
			await t.app.inject({ method: "GET", url: "/api/auth/jwks" })
		).json();
		const key = jwks.keys.find((k: { kid: string }) => k.kid === header?.kid);
		expect(key).toMatchObject({ kty: "RSA", n: expect.any(String), e: "AQAB" });
		expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
	});

	it("provisions the quota at sign-up through the function Clerk's user.created uses", async () => {
		const t = await localApp(context);
		const { userId } = await signUp(t, newEmail());
		const [row] = await context.db.db
			.select()
			.from(quotas)
			.where(eq(quotas.userId, userId));
		expect(row).toMatchObject({ quotaRemaining: 7 });
	});

	it("signs in again with any letter case, and keeps the history", async () => {
		const t = await localApp(context);
		const email = newEmail();
		const first = await signUp(t, email);
		const token = (await tokenFor(t, first.cookie)).json().token;
		const made = await t.app.inject({
			method: "POST",
			url: "/api/generate-challenge",
			headers: bearer(token),
			payload: { difficulty: "medium", language: "javascript" },
		});
		expect(made.statusCode).toBe(200);
		await t.app.inject({
			method: "POST",
			url: "/api/auth/sign-out",
			headers: { cookie: first.cookie },
		});

		const again = await signIn(t, email.toUpperCase(), PASSWORD);
		expect(again.statusCode).toBe(200);
		expect(again.json().user.id).toBe(first.userId);
		const cookie = sessionCookie(again.headers["set-cookie"]);
		const fresh = (await tokenFor(t, cookie)).json().token;
		const history = await t.app.inject({
			method: "GET",
			url: "/api/my-history",
			headers: bearer(fresh),
		});
		expect(history.json().challenges.map((c: { id: number }) => c.id)).toEqual([
			made.json().id,
		]);
	});

	it("answers 401 invalid_credentials for a wrong password and for an unknown email alike", async () => {
		const t = await localApp(context);
		const email = newEmail();
		await signUp(t, email);
		for (const response of [
			await signIn(t, email, "wrong password"),
			await signIn(t, newEmail(), PASSWORD),
		]) {
			expect(response.statusCode).toBe(401);
			expect(response.json()).toEqual({
				detail: "Wrong email or password",
				code: "invalid_credentials",
			});
			expect(response.headers["set-cookie"]).toBeUndefined();
		}
	});

	it("refuses a second account with the same email in another case, creating nothing", async () => {
		const t = await localApp(context);
		const email = newEmail();
		await signUp(t, email);
		const response = await t.app.inject({
			method: "POST",
			url: "/api/auth/sign-up",
			payload: { email: email.toUpperCase(), password: "another password" },
		});
		expect(response.statusCode).toBe(409);
		expect(response.json()).toMatchObject({ code: "email_taken" });
		const users = await context.db.db
			.select()
			.from(authUsers)
			.where(eq(authUsers.email, email));
		expect(users).toHaveLength(1);
	});

	it.each([
		[{ email: "not-an-email", password: PASSWORD }, "body.email"],
		[{ email: "", password: PASSWORD }, "body.email"],
		[{ email: newEmail(), password: "short" }, "body.password"],
		[{ email: newEmail() }, "body.password"],
	])(
		"answers 400 naming the field for %j and creates nothing",
		async (payload, field) => {
			const t = await localApp(context);
			const response = await t.app.inject({
				method: "POST",
				url: "/api/auth/sign-up",
				payload,
			});
			expect(response.statusCode).toBe(400);
			expect(response.json()).toMatchObject({
				code: "invalid_request",
				detail: expect.stringContaining(field),
			});
			if (payload.email) {
				const users = await context.db.db
					.select()
					.from(authUsers)
					.where(eq(authUsers.email, payload.email));
				expect(users).toHaveLength(0);
			}
		},
	);

	it("sets an httpOnly SameSite=Lax cookie, Secure only behind HTTPS", async () => {
		// the HTTPS proxy is on this machine (inject's address is 127.0.0.1)
		const t = await localApp(context, { env: { TRUST_PROXY: "loopback" } });
		const plain = await t.app.inject({
			method: "POST",
			url: "/api/auth/sign-up",
			payload: { email: newEmail(), password: PASSWORD },
		});
		const cookie = String(plain.headers["set-cookie"]);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/);
		const https = await t.app.inject({
			method: "POST",
			url: "/api/auth/sign-up",
			headers: { "x-forwarded-proto": "https" },
			payload: { email: newEmail(), password: PASSWORD },
		});
		const cookies = [https.headers["set-cookie"] ?? []].flat();
		expect(cookies.map((cookie) => cookie.split("=")[0])).toEqual(
			expect.arrayContaining(["better-auth.session_token", "sign_in_device"]),
		);
		for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
	});

	it.each([
		["no cookie", undefined],
		["a forged cookie", "better-auth.session_token=forged.value"],
	])("refuses a token with %s", async (_, cookie) => {
		const t = await localApp(context);
		const response = await t.app.inject({
			method: "GET",
			url: "/api/auth/token",
			headers: cookie ? { cookie } : {},
		});
		expect(response.statusCode).toBe(401);
		expect(response.json()).toMatchObject({ code: "unauthorized" });
	});

	it("stores a scrypt hash, never the password", async () => {
		const t = await localApp(context);
		const { userId } = await signUp(t, newEmail());
		const [account] = await context.db.db
			.select()
			.from(authAccounts)
			.where(eq(authAccounts.userId, userId));
		expect(account?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
		expect(account?.password).not.toContain(PASSWORD);
	});

	it("reports local accounts in /api/config", async () => {
		const t = await localApp(context);
		const config = await t.app.inject({ method: "GET", url: "/api/config" });
		expect(config.json().auth).toEqual({
			provider: "local",
			publishable_key: null,
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
			expect((await quotaCall(elsewhere, foreign)).statusCode).toBe(200);
			expect((await quotaCall(t, foreign)).statusCode).toBe(401);
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
		const kid = String(decode(genuine)[0]?.kid);
		expect((await quotaCall(t, genuine)).statusCode).toBe(200);
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
		expect((await quotaCall(t, await sign(claims))).statusCode).toBe(200);

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
			expect(decode(token)[0], what).toMatchObject({ kid });
			const response = await quotaCall(t, token);
			expect(response.statusCode, what).toBe(401);
			expect(response.json(), what).toEqual({
				code: "unauthorized",
				detail: expect.stringMatching(reason),
			});
		}
	});
});

describe("local accounts and Clerk mode", () => {
	const context = useTestContext("pglite");

	/** Every route of local accounts. */
	const LOCAL_ROUTES = [
		["POST", "/api/auth/sign-up"],
		["POST", "/api/auth/sign-in"],
		["POST", "/api/auth/sign-out"],
		["GET", "/api/auth/session"],
		["GET", "/api/auth/token"],
		["GET", "/api/auth/jwks"],
	] as const;

	it("has none of the local account routes in Clerk mode, and refuses local tokens there", async () => {
		const local = await localApp(context);
		const { cookie } = await signUp(local, newEmail());
		const token = (await tokenFor(local, cookie)).json().token;
		const clerk = await buildTestApp(context);
		for (const [method, url] of LOCAL_ROUTES) {
			const request = {
				method,
				url,
				headers: { cookie },
				...(method === "POST"
					? { payload: { email: newEmail(), password: PASSWORD } }
					: {}),
			};
			expect((await local.app.inject(request)).statusCode, url).not.toBe(404);
			const response = await clerk.app.inject(request);
			expect(response.statusCode, url).toBe(404);
			expect(response.json()).toMatchObject({ code: "not_found" });
		}
		expect((await quotaCall(clerk, token)).statusCode).toBe(401);
	});
});

const LOCK_KEY = 7_254_999;

/** Makes the signing-key inserts of the connections named `applicationName` wait while the test holds LOCK_KEY. */
const HOLD_KEY_INSERTS = (applicationName: string) => `
	CREATE FUNCTION hold_key_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF current_setting('application_name') = '${applicationName}' THEN
			PERFORM pg_advisory_xact_lock_shared(${LOCK_KEY});
		END IF;
		RETURN NEW;
	END $$;
	CREATE TRIGGER hold_key_inserts BEFORE INSERT ON auth_jwks
		FOR EACH ROW EXECUTE FUNCTION hold_key_inserts();`;

const withApplicationName = (url: string, name: string) => {
	const named = new URL(url);
	named.searchParams.set("application_name", name);
	return named.toString();
};

describe.runIf(ENGINES.includes("postgres"))(
	"local accounts on two server processes sharing PostgreSQL",
	() => {
		const context = useTestContext("postgres");

		it("accepts each other's tokens and sessions", async () => {
			const [a, b] = await buildTwoServers(context, { env: LOCAL_MODE });
			const { cookie, userId } = await signUp(a, newEmail());
			const fromA = (await tokenFor(a, cookie)).json().token;
			expect((await quotaCall(b, fromA)).json()).toMatchObject({
				user_id: userId,
			});
			const fromB = (await tokenFor(b, cookie)).json().token;
			expect((await quotaCall(a, fromB)).json()).toMatchObject({
				user_id: userId,
			});
		});

		it("accepts each other's tokens at once when both created a signing key on first start", async () => {
			const url = await createPostgresDatabase();
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			onTestFinished(() => admin.end());
			await admin.query(HOLD_KEY_INSERTS("server_a"));
			const pools = [
				await connectPostgres(withApplicationName(url, "server_a")),
				await connectPostgres(url),
			];
			onTestFinished(async () => {
				for (const pool of pools) await pool.close();
			});
			const [a, b] = [
				await localApp(context, { db: pools[0] }),
				await localApp(context, { db: pools[1] }),
			] as const;
			const onA = await signUp(a, newEmail());
			const onB = await signUp(b, newEmail());

			// A finds no signing key and creates one, but its insert waits...
			await admin.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
			const pendingFromA = tokenFor(a, onA.cookie);
			await expect
				.poll(
					async () => {
						const { rows } = await admin.query(
							`SELECT 1 FROM pg_locks JOIN pg_database d ON d.oid = pg_locks.database
							 WHERE d.datname = current_database() AND locktype = 'advisory'
							 AND objid = $1 AND NOT granted`,
							[LOCK_KEY],
						);
						return rows.length;
					},
					{ timeout: 20_000 },
				)
				.toBe(1);
			// ...while B, finding none either, creates its own and loads it to check its own token
			const fromB = (await tokenFor(b, onB.cookie)).json().token;
			expect((await quotaCall(b, fromB)).statusCode).toBe(200);
			await admin.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
			const fromA = (await pendingFromA).json().token;
			expect(decode(fromA)[0]?.kid).not.toBe(decode(fromB)[0]?.kid);

			expect((await quotaCall(b, fromA)).json()).toMatchObject({
				user_id: onA.userId,
			});
			expect((await quotaCall(a, fromB)).json()).toMatchObject({
				user_id: onB.userId,
			});
		});

		it("works as two real processes started together: each accepts the other's tokens, and they share the quota", async () => {
			const env = {
				DATABASE_URL: await createPostgresDatabase(),
				QUOTA_INITIAL: "4",
			};
			const [a, b] = await Promise.all([startServer(env), startServer(env)]);
			// the web app's origin, which both servers accept as the tokens' azp
			const origin = "http://localhost:8000";
			const account = async (base: string) => {
				const signedUp = await fetch(`${base}/api/auth/sign-up`, {
					method: "POST",
					headers: { "content-type": "application/json", origin },
					body: JSON.stringify({ email: newEmail(), password: PASSWORD }),
				});
				expect(signedUp.status).toBe(200);
				const cookie = sessionCookie(signedUp.headers.getSetCookie());
				const issued = await fetch(`${base}/api/auth/token`, {
					headers: { cookie, origin },
				});
				const { user } = (await signedUp.json()) as { user: { id: string } };
				const { token } = SessionTokenSchema.parse(await issued.json());
				return { userId: user.id, token };
			};
			const [onA, onB] = await Promise.all([account(a.base), account(b.base)]);
			const call = (base: string, path: string, token: string, init = {}) =>
				fetch(`${base}${path}`, {
					...init,
					headers: { ...bearer(token), "content-type": "application/json" },
				});

			const made = await call(a.base, "/api/generate-challenge", onB.token, {
				method: "POST",
				body: JSON.stringify({ difficulty: "easy", language: "javascript" }),
			});
			expect(made.status).toBe(200);
			const quota = await call(b.base, "/api/quota", onB.token);
			expect(await quota.json()).toMatchObject({
				user_id: onB.userId,
				quota_remaining: 3,
			});
			const crossed = await call(b.base, "/api/quota", onA.token);
			expect(await crossed.json()).toMatchObject({ user_id: onA.userId });
		});
	},
);
