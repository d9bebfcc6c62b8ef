import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { TestApp, TestContext } from "./build-test-app.js";
import { WEBHOOK_SECRET } from "./svix.js";
import { signSessionToken } from "./tokens.js";

/**
 * One app for a whole describe block, built before its tests and closed after them, for tests that
 * send many requests (buildTestApp's app lives for one test). Clerk mode on the context's database
 * and generator, as buildTestApp's; read `shared.t` inside tests.
 */
export function useSharedApp(
	context: TestContext,
	env: Record<string, string | number | undefined> = {},
): { t: TestApp } {
	const shared = {} as { t: TestApp };
	beforeAll(async () => {
		const config = loadConfig(
			Object.fromEntries(
				Object.entries({
					LOG_LEVEL: "silent",
					POOL_SIZE: 0,
					CLERK_JWT_KEY: context.keys.publicPem,
					CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET,
					...env,
				}).map(([key, value]) => [key, value?.toString()]),
			),
		);
		const app = await buildApp(config, {
			db: context.db,
			generator: context.generator,
			webRoot: "/nonexistent-web-build",
		});
		await app.ready();
		shared.t = {
			app,
			config,
			auth: async (userId, options) => ({
				authorization: `Bearer ${await signSessionToken(context.keys, userId, options)}`,
			}),
		};
	});
	afterAll(() => shared.t?.app.close());
	return shared;
}
