import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../src/db/schema.js";
import {
	type Backoff,
	countHit,
	countHitWithBackoff,
	pruneRateLimitCounters,
} from "../../src/rate-limit/counters.repo.js";
import { useTestContext } from "../helpers/build-test-app.js";
import { ENGINES } from "../helpers/test-db.js";

const HOUR_MS = 60 * 60_000;
const newKey = (what: string) => `test:${what}:${randomUUID()}`;
const BACKOFF: Backoff = {
	free: 3,
	firstDelayMs: 10_000,
	maxDelayMs: 60_000,
	forgetAfterMs: HOUR_MS,
};

describe.each(ENGINES)("rate-limit counters on %s", (engine) => {
	const context = useTestContext(engine);

	it("pruneRateLimitCounters deletes the windows that have ended and keeps the others", async () => {
		const db = context.db.db;
		const now = new Date("2026-06-10T12:00:00Z");
		const ended = newKey("ended");
		const live = newKey("live");
		const forgotten = newKey("forgotten");
		await countHit(db, ended, new Date(now.getTime() - HOUR_MS - 1), HOUR_MS);
		await countHit(db, live, new Date(now.getTime() - HOUR_MS + 1), HOUR_MS);
		await countHitWithBackoff(
			db,
			forgotten,
			new Date(now.getTime() - BACKOFF.forgetAfterMs),
			BACKOFF,
		);

		expect(await pruneRateLimitCounters(db, now)).toBeGreaterThanOrEqual(2);
		const kept = await db
			.select({ key: rateLimitCounters.key })
			.from(rateLimitCounters)
			.where(inArray(rateLimitCounters.key, [ended, live, forgotten]));
		expect(kept).toEqual([{ key: live }]);
		expect((await countHit(db, live, now, HOUR_MS)).hits).toBe(2);
	});

	it("counts concurrent hits in one window exactly once each", async () => {
		const key = newKey("fixed");
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				countHit(context.db.db, key, now, HOUR_MS),
			),
		);
		expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 20 }, (_, i) => i + 1),
		);
	});

	it("lets only the free hits of many concurrent ones through before the first wait", async () => {
		const key = newKey("backoff");
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				countHitWithBackoff(context.db.db, key, now, BACKOFF),
			),
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(BACKOFF.free);
		expect(results.find((r) => !r.allowed)).toEqual({
			allowed: false,
			retryAt: new Date(now.getTime() + BACKOFF.firstDelayMs),
		});
	});
});
