import type { Generator } from "@app/generator";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	buildTwoServers,
	newUserId,
	type TestApp,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	generate,
	generateWhenFree,
	myHistory,
	quota,
	quotaOf,
} from "../../helpers/practice.js";
import { watchStatements } from "../../helpers/statements.js";
import { ENGINES } from "../../helpers/test-db.js";

const HOUR = 3_600_000;

const mediumJavaScript = { difficulty: "medium", language: "javascript" };

const generateMedium = (t: TestApp, headers: Record<string, string>) =>
	generate(t, headers, mediumJavaScript);

/** As generateMedium, retried while the user's in-flight limit refuses it: only the quota decides. */
const generatePatiently = (t: TestApp, headers: Record<string, string>) =>
	generateWhenFree(t, headers, mediumJavaScript);

/** 200 served, 429 quota_exhausted refused: the quota decided every one. */
function expectServed(
	responses: { statusCode: number; json(): { code?: string } }[],
	served: number,
) {
	expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(served);
	expect(
		responses.filter(
			(r) => r.statusCode === 429 && r.json().code === "quota_exhausted",
		),
	).toHaveLength(responses.length - served);
}

/** A generator that holds each request open a little, so that concurrent requests overlap for real. */
const slowGenerator = (inner: Generator, delayMs: number): Generator => ({
	...inner,
	generate: async (request, signal) => {
		await new Promise((resolve) => setTimeout(resolve, delayMs));
		return inner.generate(request, signal);
	},
	close: async () => {},
});

describe.each(ENGINES)("quota on %s", (engine) => {
	const context = useTestContext(engine);

	describe("GET /api/quota", () => {
		it("provisions QUOTA_INITIAL on first contact", async () => {
			const now = new Date("2026-05-01T08:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 12, QUOTA_RESET_HOURS: 24 },
				now: () => now,
			});
			const userId = newUserId();
			const response = await quota(t, await t.auth(userId));
			expect(response.json()).toEqual({
				user_id: userId,
				quota_remaining: 12,
				last_reset_date: "2026-05-01T08:00:00.000Z",
				next_reset_at: "2026-05-02T08:00:00.000Z",
			});
		});

		it("refills to QUOTA_DAILY once the window has passed, and not before", async () => {
			let now = new Date("2026-05-01T08:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 2, QUOTA_DAILY: 10, QUOTA_RESET_HOURS: 24 },
				now: () => now,
			});
			const headers = await t.auth(newUserId());
			expect((await generateMedium(t, headers)).statusCode).toBe(200);
			expect((await generateMedium(t, headers)).statusCode).toBe(200);
			expect((await generateMedium(t, headers)).statusCode).toBe(429);

			now = new Date(now.getTime() + 24 * HOUR - 1000);
			expect(await quotaOf(t, headers)).toBe(0);

			now = new Date(now.getTime() + 1000);
			const refilled = (await quota(t, headers)).json();
			expect(refilled).toMatchObject({
				quota_remaining: 10,
				last_reset_date: now.toISOString(),
			});
			expect((await generateMedium(t, headers)).statusCode).toBe(200);
			expect(await quotaOf(t, headers)).toBe(9);
		});

		it("reads with no write: the row changes only at first contact and at the refill, whose moment later reads keep", async () => {
			let now = new Date("2026-05-01T08:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 0, QUOTA_DAILY: 3, QUOTA_RESET_HOURS: 24 },
				now: () => now,
			});
			const userId = newUserId();
			const headers = await t.auth(userId);
			// xmin is the transaction that wrote the row's current version: any UPDATE changes it
			const version = async () => {
				const result = await t.app.services.db.execute(
					sql`SELECT xmin::text AS version FROM quotas WHERE user_id = ${userId}`,
				);
				return (result as unknown as { rows: { version: string }[] }).rows[0]
					?.version;
			};
			await quota(t, headers);
			const provisioned = await version();
			expect(provisioned).toBeDefined();
			for (let i = 0; i < 3; i++) await quota(t, headers);
			expect(await version()).toBe(provisioned);

			now = new Date(now.getTime() + 25 * HOUR);
			const refillAt = now.toISOString();
			expect((await quota(t, headers)).json()).toMatchObject({
				quota_remaining: 3,
				last_reset_date: refillAt,
			});
			const refilled = await version();
			expect(refilled).not.toBe(provisioned);
			now = new Date(now.getTime() + HOUR);
			expect((await quota(t, headers)).json()).toMatchObject({
				quota_remaining: 3,
				last_reset_date: refillAt,
			});
			expect(await version()).toBe(refilled);
		});

		it("reads the quotas asked at once together, each user getting their own", async () => {
			const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 5 } });
			const users = [newUserId(), newUserId(), newUserId(), newUserId()];
			const headers = await Promise.all(users.map((user) => t.auth(user)));
			// balances 5, 4, 3, 2
			for (const [index, each] of headers.entries())
				for (let i = 0; i < index; i++)
					expect((await generateMedium(t, each)).statusCode).toBe(200);
			const asked = headers.flatMap((each) => [each, each, each]);

			const statements = watchStatements(t);
			const read = await Promise.all(
				asked.map(async (each) => (await quota(t, each)).json()),
			);
			expect(read.map((body) => [body.user_id, body.quota_remaining])).toEqual(
				users.flatMap((user, index) => Array(3).fill([user, 5 - index])),
			);
			// read in fewer statements than requests (batched-reads.ts)
			expect(statements.count).toBeGreaterThan(0);
			expect(statements.count).toBeLessThan(asked.length);
			statements.restore();
		});

		it("never lowers a balance above QUOTA_DAILY at a refill", async () => {
			let now = new Date("2026-05-01T08:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 50, QUOTA_DAILY: 10 },
				now: () => now,
			});
			const headers = await t.auth(newUserId());
			await quota(t, headers);
			now = new Date(now.getTime() + 48 * HOUR);
			expect(await quotaOf(t, headers)).toBe(50);
		});

		it("refills inside the generate request when the window has passed", async () => {
			let now = new Date("2026-05-01T08:00:00Z");
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 1, QUOTA_DAILY: 3 },
				now: () => now,
			});
			const headers = await t.auth(newUserId());
			expect((await generateMedium(t, headers)).statusCode).toBe(200);
			now = new Date(now.getTime() + 25 * HOUR);
			expect((await generateMedium(t, headers)).statusCode).toBe(200);
			expect(await quotaOf(t, headers)).toBe(2);
		});
	});

	describe("concurrent generation", () => {
		it("lets exactly 5 of 40 simultaneous requests through for a user with 5 left, however their retries interleave", async () => {
			const t = await buildTestApp(context, {
				env: { QUOTA_INITIAL: 5 },
				generator: slowGenerator(context.generator, 20),
			});
			const headers = await t.auth(newUserId());
			const responses = await Promise.all(
				Array.from({ length: 40 }, () => generatePatiently(t, headers)),
			);
			expectServed(responses, 5);
			const history = (await myHistory(t, headers, "limit=100")).json();
			expect(history.challenges).toHaveLength(5);
			expect(await quotaOf(t, headers)).toBe(0);
		});
	});
});

describe.runIf(ENGINES.includes("postgres"))(
	"quota across two server processes on one PostgreSQL",
	() => {
		const context = useTestContext("postgres");

		it("lets exactly 5 of 40 simultaneous requests through, split over both servers", async () => {
			const [a, b] = await buildTwoServers(context, {
				env: { QUOTA_INITIAL: 5 },
				generator: slowGenerator(context.generator, 20),
			});
			const headers = await a.auth(newUserId());
			const responses = await Promise.all(
				Array.from({ length: 40 }, (_, i) =>
					generatePatiently(i % 2 ? a : b, headers),
				),
			);
			expectServed(responses, 5);
			expect(await quotaOf(b, headers)).toBe(0);
		});
	},
);
