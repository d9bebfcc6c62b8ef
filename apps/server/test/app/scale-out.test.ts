import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeOpenAi, startFakeOpenAi } from "@app/generator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	freePort,
	killServer,
	type RunningServer,
	spawnServer,
	startServer,
	untilHealthy,
	waitUntilReady,
} from "../helpers/server-process.js";
import { signedEvent, WEBHOOK_SECRET } from "../helpers/svix.js";
import { createPostgresDatabase, ENGINES } from "../helpers/test-db.js";
import { createKeyPair, signSessionToken } from "../helpers/tokens.js";

/** The bound the issue sets: units held by a killed process are back within this. */
const REFUND_BOUND_MS = 60_000;

const keys = createKeyPair();
const clerkEnv = {
	CLERK_JWT_KEY: keys.publicPem,
	CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET,
	// the "ready" line is logged at info
	LOG_LEVEL: "info",
};

const newUser = () => `user_${randomUUID().replaceAll("-", "").slice(0, 20)}`;

async function headersFor(userId: string) {
	const token = await signSessionToken(keys, userId, { expiresIn: 600 });
	return {
		authorization: `Bearer ${token}`,
		"content-type": "application/json",
	};
}

interface Answer {
	status: number;
	body: Record<string, unknown>;
}

async function call(
	base: string,
	path: string,
	init: { method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
	const response = await fetch(`${base}${path}`, {
		method: init.method ?? "GET",
		headers: init.headers,
		body:
			init.body === undefined
				? undefined
				: typeof init.body === "string"
					? init.body
					: JSON.stringify(init.body),
	});
	return {
		status: response.status,
		body: (await response.json()) as Record<string, unknown>,
	};
}

const cell = { difficulty: "easy", language: "python" };

/** A generation, tried again while the user's in-flight limit refuses it: only the quota decides. */
async function generateWhenFree(base: string, userId: string): Promise<Answer> {
	const headers = await headersFor(userId);
	for (;;) {
		const answer = await call(base, "/api/generate-challenge", {
			method: "POST",
			headers,
			body: cell,
		});
		if (answer.body.code !== "too_many_in_flight") return answer;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const quotaOf = async (base: string, userId: string) =>
	(await call(base, "/api/quota", { headers: await headersFor(userId) })).body
		.quota_remaining as number;

const historyLength = async (base: string, userId: string) =>
	(
		(
			await call(base, "/api/my-history?limit=100", {
				headers: await headersFor(userId),
			})
		).body.challenges as unknown[]
	).length;

/**
 * Starts a server whose generations hang at a model that never answers, and has `users` each
 * start two of them; resolves once the model has received them all, so each holds a unit.
 */
async function holdUnits(
	env: Record<string, string>,
	model: FakeOpenAi,
	users: string[],
): Promise<RunningServer> {
	const victim = await startServer({
		...env,
		OPENAI_BASE_URL: model.url,
		OPENAI_API_KEY: "sk-test",
		POOL_SIZE: "0",
	});
	await untilHealthy(victim);
	for (const userId of users)
		for (let i = 0; i < 2; i++)
			// these never settle: their process is killed under them
			void generateWhenFree(victim.base, userId).catch(() => undefined);
	await expect
		.poll(() => model.requests.length, { timeout: 30_000 })
		.toBeGreaterThanOrEqual(users.length * 2);
	return victim;
}

describe("a process killed while generations hold quota units", () => {
	let model: FakeOpenAi;
	beforeAll(async () => {
		// a model that never answers in time: the generations stay in flight until the kill
		model = await startFakeOpenAi({ delayMs: 600_000 });
	});
	afterAll(() => model.close());

	it("on PGlite: every held unit is back as soon as the server restarts on its data folder", async () => {
		const dataDir = await mkdtemp(join(tmpdir(), "cct-restart-"));
		try {
			const env = { ...clerkEnv, DATA_DIR: dataDir, QUOTA_INITIAL: "8" };
			const users = [newUser(), newUser(), newUser(), newUser()];
			const victim = await holdUnits(env, model, users);
			for (const userId of users)
				expect(await quotaOf(victim.base, userId)).toBe(6);
			// the server alone: its sandbox process is left to notice that it is gone
			victim.child.kill("SIGKILL");
			await victim.exit;

			const restarted = await startServer({ ...env, GENERATOR: "offline" });
			for (const userId of users) {
				expect(await quotaOf(restarted.base, userId)).toBe(8);
				expect(await historyLength(restarted.base, userId)).toBe(0);
			}
		} finally {
			await rm(dataDir, { recursive: true, force: true });
		}
	});
});

describe.runIf(ENGINES.includes("postgres"))(
	"three server processes on one PostgreSQL database",
	() => {
		let servers: RunningServer[] = [];
		let env: Record<string, string>;
		beforeAll(async () => {
			env = {
				...clerkEnv,
				DATABASE_URL: await createPostgresDatabase(),
				QUOTA_INITIAL: "12",
			};
			// shared by the block's tests, so started here rather than with startServer (one test's)
			servers = await Promise.all(
				[1, 2, 3].map(async () => {
					const port = await freePort();
					const server = spawnServer({ ...env, PORT: String(port) });
					await waitUntilReady(server);
					return { ...server, base: `http://127.0.0.1:${port}` };
				}),
			);
			await Promise.all(servers.map((server) => untilHealthy(server)));
		}, 240_000);
		afterAll(async () => {
			for (const server of servers) await killServer(server);
		});
		const base = (i: number) =>
			(servers[i % servers.length] as RunningServer).base;

		it("serve exactly 12 of 48 concurrent generations for a user with 12 units, whichever process takes them", async () => {
			const userId = newUser();
			const answers = await Promise.all(
				Array.from({ length: 48 }, (_, i) => generateWhenFree(base(i), userId)),
			);
			expect(answers.filter((a) => a.status === 200)).toHaveLength(12);
			expect(
				answers.filter(
					(a) => a.status === 429 && a.body.code === "quota_exhausted",
				),
			).toHaveLength(36);
			expect(await quotaOf(base(0), userId)).toBe(0);
			expect(await historyLength(base(1), userId)).toBe(12);
		});

		it("record one of 12 concurrent answers to one challenge and refuse the other 11 with 409", async () => {
			const userId = newUser();
			const challenge = await generateWhenFree(base(0), userId);
			expect(challenge.status).toBe(200);
			const headers = await headersFor(userId);
			const answers = await Promise.all(
				Array.from({ length: 12 }, (_, i) =>
					call(base(i), `/api/challenges/${challenge.body.id}/answer`, {
						method: "POST",
						headers,
						body: { answer_id: i % 4 },
					}),
				),
			);
			expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
			const refused = answers.filter((a) => a.status === 409);
			expect(refused).toHaveLength(11);
			for (const answer of refused)
				expect(answer.body.code).toBe("already_answered");
		});

		it("give one webhook delivered 9 times at once one effect", async () => {
			const userId = newUser();
			const delivery = signedEvent({
				type: "user.deleted",
				data: { id: userId, deleted: true },
			});
			expect((await generateWhenFree(base(0), userId)).status).toBe(200);
			const answers = await Promise.all(
				Array.from({ length: 9 }, (_, i) =>
					call(base(i), "/webhooks/clerk", {
						method: "POST",
						headers: delivery.headers,
						body: delivery.payload,
					}),
				),
			);
			expect(answers.map((a) => a.body.status).sort()).toEqual([
				"duplicate",
				"duplicate",
				"duplicate",
				"duplicate",
				"duplicate",
				"duplicate",
				"duplicate",
				"duplicate",
				"processed",
			]);
			expect(await historyLength(base(2), userId)).toBe(0);
		});

		it(
			"keep serving with no 5xx when one is killed mid-generation, and give its held units back within 60 s",
			async () => {
				const users = [newUser(), newUser(), newUser(), newUser()];
				const model = await startFakeOpenAi({ delayMs: 600_000 });
				try {
					const victim = await holdUnits(env, model, users);
					for (const userId of users)
						expect(await quotaOf(base(0), userId)).toBe(10);
					victim.child.kill("SIGKILL");
					const killedAt = Date.now();

					// the survivors keep serving other users meanwhile
					const statuses: number[] = [];
					let refunded = false;
					const traffic = (async () => {
						const bystander = newUser();
						for (let i = 0; !refunded; i++) {
							const answer = await generateWhenFree(base(i), bystander);
							statuses.push(answer.status);
							if (answer.status === 429) break;
						}
					})();
					await expect
						.poll(
							async () => {
								const balances = await Promise.all(
									users.map((userId) => quotaOf(base(1), userId)),
								);
								return balances.every((units) => units === 12);
							},
							{ interval: 500, timeout: REFUND_BOUND_MS },
						)
						.toBe(true);
					expect(Date.now() - killedAt).toBeLessThan(REFUND_BOUND_MS);
					refunded = true;
					await traffic;
					expect(statuses.length).toBeGreaterThan(0);
					expect(statuses.filter((status) => status >= 500)).toEqual([]);
					for (const userId of users)
						expect(
							(await quotaOf(base(2), userId)) +
								(await historyLength(base(2), userId)),
						).toBe(12);
				} finally {
					await model.close();
				}
			},
			REFUND_BOUND_MS + 60_000,
		);
	},
);
