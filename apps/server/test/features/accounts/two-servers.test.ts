import { SessionTokenSchema } from "@app/contract";
import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import {
	buildTwoServers,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	bearer,
	LOCAL_MODE,
	localApp,
	newEmail,
	PASSWORD,
	sessionCookie,
	signUp,
	tokenFor,
} from "../../helpers/local-accounts.js";
import { quota } from "../../helpers/practice.js";
import { startServer } from "../../helpers/server-process.js";
import {
	connectPostgres,
	createPostgresDatabase,
	ENGINES,
} from "../../helpers/test-db.js";
import { jwtParts } from "../../helpers/tokens.js";

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
			expect((await quota(b, bearer(fromA))).json()).toMatchObject({
				user_id: userId,
			});
			const fromB = (await tokenFor(b, cookie)).json().token;
			expect((await quota(a, bearer(fromB))).json()).toMatchObject({
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
			expect((await quota(b, bearer(fromB))).statusCode).toBe(200);
			await admin.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
			const fromA = (await pendingFromA).json().token;
			expect(jwtParts(fromA)[0]?.kid).not.toBe(jwtParts(fromB)[0]?.kid);

			expect((await quota(b, bearer(fromA))).json()).toMatchObject({
				user_id: onA.userId,
			});
			expect((await quota(a, bearer(fromB))).json()).toMatchObject({
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
			const remaining = await call(b.base, "/api/quota", onB.token);
			expect(await remaining.json()).toMatchObject({
				user_id: onB.userId,
				quota_remaining: 3,
			});
			const crossed = await call(b.base, "/api/quota", onA.token);
			expect(await crossed.json()).toMatchObject({ user_id: onA.userId });
		});
	},
);
