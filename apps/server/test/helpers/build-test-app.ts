import { randomUUID } from "node:crypto";
import { createGenerator, type Generator } from "@app/generator";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { buildApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/open-db.js";
import { WEBHOOK_SECRET } from "./svix.js";
import {
	connectPostgres,
	createPostgresDatabase,
	createTestDb,
	type Engine,
} from "./test-db.js";
import {
	createKeyPair,
	type KeyPair,
	signSessionToken,
	type TokenOptions,
} from "./tokens.js";

/** What a describe block shares: one database of its engine, one warm generator, one signing key. */
export interface TestContext {
	engine: Engine;
	db: Database;
	generator: Generator;
	keys: KeyPair;
}

/** Opens the block's database and generator before its tests and closes them after. */
export function useTestContext(engine: Engine): TestContext {
	const context = { engine, keys: createKeyPair() } as TestContext;
	beforeAll(async () => {
		context.db = await createTestDb(engine);
		context.generator = createGenerator({ kind: "offline" });
	});
	afterAll(async () => {
		await context.generator?.close();
		await context.db?.close();
	});
	return context;
}

export interface TestAppOptions {
	/** environment overrides, as the process would read them */
	env?: Record<string, string | number | undefined>;
	/** the context's offline generator by default; null lets the app create the one its config names */
	generator?: Generator | null;
	now?: () => Date;
	/** the context's database by default; null lets the app open the one its config names */
	db?: Database | null;
	webRoot?: string;
}

export interface TestApp {
	app: FastifyInstance;
	config: Config;
	/** headers carrying a valid session token for the user */
	auth(
		userId: string,
		options?: TokenOptions,
	): Promise<{ authorization: string }>;
}

/** A fresh, unique user id, so tests sharing a database never see each other's data. */
export const newUserId = () =>
	`user_${randomUUID().replaceAll("-", "").slice(0, 20)}`;

/** Builds the real app in Clerk mode on the context's database; it is closed when the test ends. */
export async function buildTestApp(
	context: TestContext,
	options: TestAppOptions = {},
): Promise<TestApp> {
	const env = Object.fromEntries(
		Object.entries({
			LOG_LEVEL: "silent",
			// tests of the pool turn it on; elsewhere it would serve challenges generated before the test
			POOL_SIZE: 0,
			// a busy test machine stalls a process for a second now and then; the load-shedding tests set their own
			OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 0,
			CLERK_JWT_KEY: context.keys.publicPem,
			CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET,
			...options.env,
		}).map(([key, value]) => [
			key,
			value === undefined ? undefined : String(value),
		]),
	);
	const config = loadConfig(env);
	const app = await buildApp(config, {
		db: options.db === null ? undefined : (options.db ?? context.db),
		generator:
			options.generator === null
				? undefined
				: (options.generator ?? context.generator),
		now: options.now,
		// tests see no web app unless they bring one
		webRoot: options.webRoot ?? "/nonexistent-web-build",
	});
	await app.ready();
	onTestFinished(() => app.close());
	return {
		app,
		config,
		auth: async (userId, tokenOptions) => ({
			authorization: `Bearer ${await signSessionToken(context.keys, userId, tokenOptions)}`,
		}),
	};
}

/** Resolves once the app's sandboxes are warm, when /api/health answers 200. */
export async function waitUntilWarm(app: FastifyInstance): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (!app.sandboxesWarm()) {
		if (Date.now() > deadline) throw new Error("the sandboxes never warmed");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/**
 * Two apps as two server processes behind a load balancer: each with its own connection pool on
 * one fresh PostgreSQL database. Both are closed, then their pools, when the test ends.
 */
export async function buildTwoServers(
	context: TestContext,
	options: Omit<TestAppOptions, "db"> = {},
): Promise<[TestApp, TestApp]> {
	const url = await createPostgresDatabase();
	const pools = [
		await connectPostgres(url),
		await connectPostgres(url),
	] as const;
	const servers: [TestApp, TestApp] = [
		await buildTestApp(context, { ...options, db: pools[0] }),
		await buildTestApp(context, { ...options, db: pools[1] }),
	];
	onTestFinished(async () => {
		for (const server of servers) await server.app.close();
		for (const pool of pools) await pool.close();
	});
	return servers;
}
