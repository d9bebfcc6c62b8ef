import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { pgliteMaintenanceJobs } from "../../src/db/pglite-maintenance.js";
import { signInAttempts, webhookDeliveries } from "../../src/db/schema.js";
import {
	countSignInAttempt,
	MAX_SIGN_IN_ATTEMPTS,
	SIGN_IN_WINDOW_MS,
} from "../../src/features/accounts/sign-in-attempts.repo.js";
import { DELIVERY_RETENTION_MS } from "../../src/features/webhooks/webhooks.jobs.js";
import { recordDelivery } from "../../src/features/webhooks/webhooks.repo.js";
import clockPlugin from "../../src/plugins/clock.js";
import sweeper from "../../src/plugins/sweeper.js";
import { buildTestApp, useTestContext } from "../helpers/build-test-app.js";
import { ENGINES } from "../helpers/test-db.js";

const HOUR_MS = 3_600_000;

describe.each(ENGINES)("the sweeper on %s", (engine) => {
	const context = useTestContext(engine);

	it("forgets webhook deliveries older than the retention window, well past Svix's three days of retries", async () => {
		const now = new Date("2026-06-10T12:00:00Z");
		const at = (ms: number) => new Date(now.getTime() - ms);
		const ids = {
			expired: `msg_${randomUUID()}`,
			retryWindow: `msg_${randomUUID()}`,
			recent: `msg_${randomUUID()}`,
		};
		const db = context.db.db;
		await recordDelivery(
			db,
			ids.expired,
			"user.created",
			at(DELIVERY_RETENTION_MS + HOUR_MS),
		);
		await recordDelivery(db, ids.retryWindow, "user.deleted", at(72 * HOUR_MS));
		await recordDelivery(db, ids.recent, "user.created", at(60_000));
		expect(DELIVERY_RETENTION_MS).toBeGreaterThan(72 * HOUR_MS);

		await buildTestApp(context, { now: () => now });

		const kept = await db
			.select({ svixId: webhookDeliveries.svixId })
			.from(webhookDeliveries)
			.where(inArray(webhookDeliveries.svixId, Object.values(ids)));
		expect(kept.map((row) => row.svixId).sort()).toEqual(
			[ids.retryWindow, ids.recent].sort(),
		);
		// a retry inside the window is still recognised as a redelivery
		expect(await recordDelivery(db, ids.retryWindow, "user.deleted", now)).toBe(
			false,
		);
	});

	it("deletes sign-in attempt counts whose window has ended, and keeps those still limiting an account", async () => {
		const now = new Date("2026-06-10T12:00:00Z");
		const db = context.db.db;
		const guessed = `guessed-${randomUUID()}@example.com`;
		const attacked = `attacked-${randomUUID()}@example.com`;
		await countSignInAttempt(
			db,
			guessed,
			new Date(now.getTime() - SIGN_IN_WINDOW_MS - 1000),
		);
		const since = new Date(now.getTime() - 60_000);
		for (let i = 0; i < MAX_SIGN_IN_ATTEMPTS; i++)
			await countSignInAttempt(db, attacked, since);

		await buildTestApp(context, { now: () => now });

		const rows = await db
			.select({ email: signInAttempts.email })
			.from(signInAttempts)
			.where(inArray(signInAttempts.email, [guessed, attacked]));
		expect(rows).toEqual([{ email: attacked }]);
		expect(await countSignInAttempt(db, attacked, now)).toMatchObject({
			allowed: false,
		});
	});
});

describe("the sweeper plugin", () => {
	it("runs every job it is given when the app is ready, with the app's clock, and a failing job stops none of the others", async () => {
		const at = new Date("2026-06-10T12:00:00Z");
		const ran: [string, Date][] = [];
		const app = Fastify({ logger: false });
		await app.register(clockPlugin, { now: () => at });
		await app.register(sweeper, {
			jobs: [
				{
					name: "broken",
					run: async () => {
						throw new Error("the table is gone");
					},
				},
				{
					name: "after it",
					run: async (now) => {
						ran.push(["after it", now]);
					},
				},
			],
		});
		await app.ready();
		await app.close();
		expect(ran).toEqual([["after it", at]]);
	});
});

describe("the embedded database's maintenance", () => {
	const context = useTestContext("pglite");

	it("analyzes every table when the app starts, as autovacuum would on PostgreSQL", async () => {
		// reltuples is -1 until a table is first vacuumed or analyzed
		const neverAnalyzed = async () => {
			const result = await context.db.db.execute(
				sql`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples < 0 ORDER BY relname`,
			);
			return (result as unknown as { rows: { relname: string }[] }).rows.map(
				(row) => row.relname,
			);
		};
		expect(await neverAnalyzed()).toContain("challenges");
		await buildTestApp(context);
		expect(await neverAnalyzed()).toEqual([]);
	});

	it("then analyzes a table again once enough of its rows changed, as autovacuum's threshold says", async () => {
		const db = context.db.db;
		const job = pgliteMaintenanceJobs(context.db)[0];
		if (!job) throw new Error("PGlite has a maintenance job");
		const changedSinceAnalyze = async () => {
			// statistics are flushed at the end of a transaction at most once a second, unless forced
			await db.execute(sql`SELECT pg_stat_force_next_flush()`);
			const result = await db.execute(
				sql`SELECT n_mod_since_analyze::int AS changed FROM pg_stat_user_tables WHERE relname = 'webhook_deliveries'`,
			);
			return (result as unknown as { rows: { changed: number }[] }).rows[0]
				?.changed;
		};
		const now = new Date();
		await job.run(now); // at start: everything
		for (let i = 0; i < 200; i++)
			await recordDelivery(db, `msg_${randomUUID()}`, "user.created", now);
		expect(await changedSinceAnalyze()).toBeGreaterThanOrEqual(200);
		await job.run(now);
		expect(await changedSinceAnalyze()).toBe(0);
	});
});
