import { randomUUID } from "node:crypto";
import type { Generator } from "@app/generator";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open-db.js";
import { quotaHolds, serverInstances } from "../../src/db/schema.js";
import {
	beat,
	INSTANCE_STALE_AFTER_MS,
} from "../../src/db/server-instances.js";
import { HOLD_TTL_MS } from "../../src/features/quota/quota.jobs.js";
import {
	MAX_IN_FLIGHT_PER_USER,
	readQuota,
	refundHold,
	refundOrphanedHolds,
	takeQuotaUnit,
} from "../../src/features/quota/quota.repo.js";
import {
	buildTestApp,
	newUserId,
	type TestContext,
	useTestContext,
} from "../helpers/build-test-app.js";
import { generate, quotaOf } from "../helpers/practice.js";
import { ENGINES } from "../helpers/test-db.js";

const policy = { initial: 3, daily: 10, resetHours: 24 };

/** A server process that heartbeated `secondsAgo` ago, as the database's clock tells. */
async function instanceLastSeen(db: Db, secondsAgo: number): Promise<string> {
	const id = `instance-${randomUUID()}`;
	const at = sql`now() - make_interval(secs => ${secondsAgo})`;
	await db
		.insert(serverInstances)
		.values({ id, startedAt: at, heartbeatAt: at });
	return id;
}

const balance = async (db: Db, userId: string) =>
	(await readQuota(db, userId, policy, new Date())).quotaRemaining;

/** The context's generator, with generations that wait until released; then it no longer holds them. */
function heldGenerator(context: TestContext) {
	const waiting: (() => void)[] = [];
	let released = false;
	const generator: Generator = {
		...context.generator,
		generate: async (request, signal) => {
			if (!released)
				await new Promise<void>((resolve) => waiting.push(resolve));
			return context.generator.generate(request, signal);
		},
	};
	return {
		generator,
		waiting: () => waiting.length,
		releaseAll: () => {
			released = true;
			for (const release of waiting.splice(0)) release();
		},
	};
}

describe.each(ENGINES)("quota holds on %s", (engine) => {
	const context = useTestContext(engine);

	it("refunds the units held by a process that stopped heartbeating, once, and not those of a live one", async () => {
		const db = context.db.db;
		const dead = await instanceLastSeen(db, INSTANCE_STALE_AFTER_MS / 1000 + 5);
		const live = await instanceLastSeen(db, 1);
		const [victim, bystander] = [newUserId(), newUserId()];
		const now = new Date();
		for (const [userId, owner] of [
			[victim, dead],
			[victim, dead],
			[bystander, live],
		] as const)
			expect(
				await takeQuotaUnit(db, { userId, owner }, policy, now),
			).toMatchObject({ taken: true });
		expect(await balance(db, victim)).toBe(1);

		expect(await refundOrphanedHolds(db, new Date(0))).toBeGreaterThanOrEqual(
			2,
		);
		expect(await balance(db, victim)).toBe(3);
		expect(await balance(db, bystander)).toBe(2);
		// a second sweep, on this process or another, gives nothing back twice
		await refundOrphanedHolds(db, new Date(0));
		expect(await balance(db, victim)).toBe(3);
	});

	it("refunds an ownerless hold (from before owners) only once it is older than the TTL", async () => {
		const db = context.db.db;
		const userId = newUserId();
		const start = new Date();
		await readQuota(db, userId, policy, start);
		await db.insert(quotaHolds).values({ userId, createdAt: start });
		await refundOrphanedHolds(db, new Date(start.getTime() - 1));
		expect(await db.$count(quotaHolds, eq(quotaHolds.userId, userId))).toBe(1);
		await refundOrphanedHolds(db, new Date(start.getTime() + HOLD_TTL_MS));
		expect(await db.$count(quotaHolds, eq(quotaHolds.userId, userId))).toBe(0);
		expect(await balance(db, userId)).toBe(4);
	});

	it("refunds a hold only once when a refund is retried", async () => {
		const db = context.db.db;
		const userId = newUserId();
		const owner = await instanceLastSeen(db, 0);
		const take = await takeQuotaUnit(db, { userId, owner }, policy, new Date());
		if (!take.taken) throw new Error("expected a unit");
		await refundHold(db, take.holdId);
		await refundHold(db, take.holdId);
		expect(await balance(db, userId)).toBe(3);
	});

	it(`lets a user hold at most ${MAX_IN_FLIGHT_PER_USER} units at once, across concurrent takers, without taking more`, async () => {
		const db = context.db.db;
		const userId = newUserId();
		const roomy = { ...policy, initial: 10 };
		const owners = [
			await instanceLastSeen(db, 0),
			await instanceLastSeen(db, 0),
		];
		const takes = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				takeQuotaUnit(
					db,
					{ userId, owner: owners[i % 2] as string },
					roomy,
					new Date(),
				),
			),
		);
		expect(takes.filter((take) => take.taken)).toHaveLength(
			MAX_IN_FLIGHT_PER_USER,
		);
		expect(
			takes.filter((take) => !take.taken && take.reason === "in_flight"),
		).toHaveLength(6 - MAX_IN_FLIGHT_PER_USER);
		expect(
			(await readQuota(db, userId, roomy, new Date())).quotaRemaining,
		).toBe(10 - MAX_IN_FLIGHT_PER_USER);
		// the holds of a process that died do not count as in flight
		const dead = await instanceLastSeen(db, INSTANCE_STALE_AFTER_MS / 1000 + 5);
		await db
			.update(quotaHolds)
			.set({ owner: dead })
			.where(eq(quotaHolds.userId, userId));
		expect(
			await takeQuotaUnit(
				db,
				{ userId, owner: owners[0] as string },
				roomy,
				new Date(),
			),
		).toMatchObject({ taken: true });
	});

	it("answers 429 too_many_in_flight with Retry-After to a third concurrent generation, taking no unit", async () => {
		const held = heldGenerator(context);
		const t = await buildTestApp(context, {
			env: { QUOTA_INITIAL: 5 },
			generator: held.generator,
		});
		const headers = await t.auth(newUserId());
		const running = [
			generate(t, headers, { difficulty: "easy", language: "python" }),
			generate(t, headers, { difficulty: "easy", language: "python" }),
		];
		await expect.poll(held.waiting).toBe(2);
		const third = await generate(t, headers, {
			difficulty: "easy",
			language: "python",
		});
		expect(third.statusCode).toBe(429);
		expect(third.json()).toMatchObject({ code: "too_many_in_flight" });
		expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
		expect(await quotaOf(t, headers)).toBe(3);

		held.releaseAll();
		for (const response of await Promise.all(running))
			expect(response.statusCode).toBe(200);
		const fourth = await generate(t, headers, {
			difficulty: "easy",
			language: "python",
		});
		expect(fourth.statusCode).toBe(200);
		expect(await quotaOf(t, headers)).toBe(2);
	});

	it("registers the process with a heartbeat while it runs and forgets it when it closes", async () => {
		const t = await buildTestApp(context);
		const rows = () =>
			context.db.db.$count(
				serverInstances,
				eq(serverInstances.id, t.app.instanceId),
			);
		expect(await rows()).toBe(1);
		await t.app.close();
		expect(await rows()).toBe(0);
	});

	it(
		engine === "pglite"
			? "refunds every earlier process's holds at start-up: one process owns an embedded database"
			: "keeps the holds of another live process at start-up: it carries on",
		async () => {
			const db = context.db.db;
			const userId = newUserId();
			const earlier = `instance-${randomUUID()}`;
			await beat(db, earlier);
			await takeQuotaUnit(db, { userId, owner: earlier }, policy, new Date());
			const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
			expect(await quotaOf(t, await t.auth(userId))).toBe(
				engine === "pglite" ? 3 : 2,
			);
		},
	);
});
