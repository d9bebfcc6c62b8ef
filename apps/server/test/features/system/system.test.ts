import pg from "pg";
import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	useTestContext,
	waitUntilWarm,
} from "../../helpers/build-test-app.js";
import { quota } from "../../helpers/practice.js";
import { health, publicConfig } from "../../helpers/system.js";
import {
	createPostgresDatabase,
	createTestDb,
	ENGINES,
} from "../../helpers/test-db.js";

describe("system routes", () => {
	const context = useTestContext("pglite");

	it("GET /api/health answers 503 starting until both sandboxes are warm, then ok after a database round trip", async () => {
		let warmed!: () => void;
		const warming = new Promise<void>((resolve) => {
			warmed = resolve;
		});
		const t = await buildTestApp(context, {
			generator: {
				...context.generator,
				warm: () => warming.then(() => context.generator.warm()),
			},
		});
		const starting = await health(t);
		expect(starting.statusCode).toBe(503);
		expect(starting.json()).toMatchObject({ code: "starting" });
		expect(starting.json().detail).toMatch(/starting/);
		warmed();
		await waitUntilWarm(t.app);
		const response = await health(t);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toEqual({ status: "ok" });
	});

	it("GET /api/config reports Clerk with its publishable key, and the generator", async () => {
		const t = await buildTestApp(context, {
			env: { CLERK_PUBLISHABLE_KEY: "pk_test_abc" },
		});
		const response = await publicConfig(t);
		expect(response.json()).toEqual({
			auth: { provider: "clerk", publishable_key: "pk_test_abc" },
			generator: "offline",
		});
	});

	it("GET /api/config reports local accounts when no Clerk key is set", async () => {
		const t = await buildTestApp(context, {
			env: { CLERK_JWT_KEY: undefined, CLERK_PUBLISHABLE_KEY: "pk_test_abc" },
		});
		const response = await publicConfig(t);
		expect(response.json()).toEqual({
			auth: { provider: "local", publishable_key: null },
			generator: "offline",
		});
	});

	it("GET /docs serves the interactive OpenAPI UI and /docs/json the document of every endpoint", async () => {
		const t = await buildTestApp(context);
		const ui = await t.app.inject({ method: "GET", url: "/docs" });
		expect([200, 302]).toContain(ui.statusCode);
		const html =
			ui.statusCode === 302
				? await t.app.inject({
						method: "GET",
						url: ui.headers.location as string,
					})
				: ui;
		expect(html.body).toContain("swagger");
		const document = (
			await t.app.inject({ method: "GET", url: "/docs/json" })
		).json();
		expect(Object.keys(document.paths)).toEqual(
			expect.arrayContaining([
				"/api/health",
				"/api/config",
				"/api/quota",
				"/api/generate-challenge",
				"/api/my-history",
				"/api/challenges/{id}/answer",
				"/api/stats",
				"/webhooks/clerk",
			]),
		);
		const difficulty =
			document.paths["/api/generate-challenge"].post.requestBody.content[
				"application/json"
			].schema;
		expect(JSON.stringify(difficulty)).toContain("difficulty");
	});

	it("reports a lost database as 503 on /api/health and as a generic 500 elsewhere, without details", async () => {
		const lost = await createTestDb("pglite");
		const t = await buildTestApp(context, { db: lost });
		await lost.close();
		const reported = await health(t);
		expect(reported.statusCode).toBe(503);
		expect(reported.json()).toMatchObject({ code: "database_unavailable" });
		const elsewhere = await quota(t, await t.auth("user_lost"));
		expect(elsewhere.statusCode).toBe(500);
		expect(elsewhere.json()).toEqual({
			detail: "Something went wrong on our side; please try again",
			code: "internal_error",
		});
	});

	it("answers unknown routes with 404 not_found in the contract's shape", async () => {
		const t = await buildTestApp(context);
		const response = await t.app.inject({
			method: "GET",
			url: "/api/nope?x=1",
		});
		expect(response.statusCode).toBe(404);
		expect(response.json()).toEqual({
			detail: "No route GET /api/nope",
			code: "not_found",
		});
	});

	describe("CORS", () => {
		const preflight = (t: TestApp, origin: string) =>
			t.app.inject({
				method: "OPTIONS",
				url: "/api/quota",
				headers: {
					origin,
					"access-control-request-method": "GET",
					"access-control-request-headers": "authorization",
				},
			});

		it("allows CORS from an authorized origin, with credentials, and not from others", async () => {
			const t = await buildTestApp(context);
			const allowed = await preflight(t, "http://localhost:5173");
			expect(allowed.headers["access-control-allow-origin"]).toBe(
				"http://localhost:5173",
			);
			expect(allowed.headers["access-control-allow-credentials"]).toBe("true");
			const refused = await preflight(t, "https://evil.example");
			expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
		});

		it("allows exactly CORS_ORIGINS when it is set, not the default authorized parties", async () => {
			const t = await buildTestApp(context, {
				env: { CORS_ORIGINS: "https://app.example.com" },
			});
			const allowed = await preflight(t, "https://app.example.com");
			expect(allowed.headers["access-control-allow-origin"]).toBe(
				"https://app.example.com",
			);
			for (const origin of [
				"http://localhost:5173",
				"http://localhost:8000",
				"https://app.example.com.evil.example",
			]) {
				const refused = await preflight(t, origin);
				expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
			}
		});

		it("answers real requests from an allowed origin with its origin, errors included, and others with no ACAO; never *", async () => {
			const t = await buildTestApp(context);
			await waitUntilWarm(t.app);
			const origin = "http://localhost:5173";
			const responses = {
				health: await health(t, { origin }),
				// the web app must be able to read a 401 to send the visitor to sign-in
				unauthorized: await quota(t, { origin }),
				quota: await quota(t, { origin, ...(await t.auth(newUserId())) }),
			};
			expect(responses.unauthorized.statusCode).toBe(401);
			for (const response of Object.values(responses)) {
				expect(response.headers["access-control-allow-origin"]).toBe(origin);
				expect(response.headers["access-control-allow-credentials"]).toBe(
					"true",
				);
				expect(String(response.headers.vary)).toMatch(/origin/i);
			}
			const others: Record<string, string>[] = [
				{ origin: "https://evil.example" },
				{},
			];
			for (const headers of others) {
				const response = await health(t, headers);
				expect(response.statusCode).toBe(200);
				expect(response.headers["access-control-allow-origin"]).toBeUndefined();
			}
		});
	});
});

describe.runIf(ENGINES.includes("postgres"))(
	"the app's own PostgreSQL pool (DATABASE_URL)",
	() => {
		const context = useTestContext("postgres");

		/** Ends every server connection to the database, from outside, as a restart or failover does. */
		async function terminateConnections(database: string): Promise<number> {
			const admin = new pg.Client({
				connectionString: process.env.TEST_DATABASE_URL,
			});
			await admin.connect();
			try {
				const { rows } = await admin.query<{ terminated: number }>(
					`SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS terminated
					 FROM pg_stat_activity WHERE datname = $1`,
					[database],
				);
				return rows[0]?.terminated ?? 0;
			} finally {
				await admin.end();
			}
		}

		it("keeps running when PostgreSQL closes its idle connections, and answers /api/health on new ones", async () => {
			const url = await createPostgresDatabase();
			const t = await buildTestApp(context, {
				db: null,
				env: { DATABASE_URL: url },
			});
			await waitUntilWarm(t.app);
			const checkHealth = () => health(t);
			await Promise.all([checkHealth(), checkHealth(), checkHealth()]);
			// node-postgres keeps them open, idle: these are the connections that get the 'error' event
			const pool = (t.app.db as unknown as { $client: pg.Pool }).$client;
			expect(pool.idleCount).toBeGreaterThan(0);

			expect(
				await terminateConnections(new URL(url).pathname.slice(1)),
			).toBeGreaterThan(0);
			// an 'error' event without a listener would throw here, in this process, and fail the run
			await expect
				.poll(() => pool.totalCount, { interval: 20, timeout: 10_000 })
				.toBe(0);

			const after = await checkHealth();
			expect(after.statusCode).toBe(200);
			expect(after.json()).toEqual({ status: "ok" });
		});
	},
);
