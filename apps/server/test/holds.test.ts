import { describe, expect, it } from "vitest";
import {
	readQuota,
	refundHold,
	refundStaleHolds,
	takeQuotaUnit,
} from "../src/features/quota/quota.repo.js";
import { HOLD_TTL_MS } from "../src/plugins/sweeper.js";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "./helpers/build-test-app.js";
import { ENGINES } from "./helpers/test-db.js";

const policy = { initial: 3, daily: 10, resetHours: 24 };

describe.each(ENGINES)("quota holds on %s", (engine) => {
	const context = useTestContext(engine);

	it("refunds a unit held by a generation that never finished, once, after the hold expires", async () => {
		const userId = newUserId();
		const start = new Date("2026-04-01T12:00:00Z");
		const take = await takeQuotaUnit(context.db.db, userId, policy, start);
		expect(take).toMatchObject({ taken: true, quota: { quotaRemaining: 2 } });

		// the process "crashed": nothing settled or refunded the hold
		expect(
			await refundStaleHolds(context.db.db, new Date(start.getTime() - 1)),
		).toBe(0);
		const later = new Date(start.getTime() + HOLD_TTL_MS + 1);
		expect(
			await refundStaleHolds(
				context.db.db,
				new Date(later.getTime() - HOLD_TTL_MS),
			),
		).toBeGreaterThanOrEqual(1);
		expect(
			(await readQuota(context.db.db, userId, policy, later)).quotaRemaining,
		).toBe(3);
		await refundStaleHolds(
			context.db.db,
			new Date(later.getTime() - HOLD_TTL_MS),
		);
		expect(
			(await readQuota(context.db.db, userId, policy, later)).quotaRemaining,
		).toBe(3);
	});

	it("refunds a hold only once when a refund is retried", async () => {
		const userId = newUserId();
		const now = new Date();
		const take = await takeQuotaUnit(context.db.db, userId, policy, now);
		if (!take.taken) throw new Error("expected a unit");
		await refundHold(context.db.db, take.holdId);
		await refundHold(context.db.db, take.holdId);
		expect(
			(await readQuota(context.db.db, userId, policy, now)).quotaRemaining,
		).toBe(3);
	});

	it("sweeps stale holds when the server starts", async () => {
		const userId = newUserId();
		const crashedAt = new Date("2026-04-01T12:00:00Z");
		await takeQuotaUnit(context.db.db, userId, policy, crashedAt);
		const restartedAt = new Date(crashedAt.getTime() + HOLD_TTL_MS + 60_000);
		const t = await buildTestApp(context, {
			env: { QUOTA_INITIAL: 3 },
			now: () => restartedAt,
		});
		const quota = await t.app.inject({
			method: "GET",
			url: "/api/quota",
			headers: await t.auth(userId),
		});
		expect(quota.json().quota_remaining).toBe(3);
	});
});
