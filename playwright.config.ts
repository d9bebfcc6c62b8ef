import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/** Ports of the two servers the tests start: local accounts, and Clerk mode. */
export const LOCAL_PORT = 8311;
export const CLERK_PORT = 8312;
/** A publishable key of Clerk's format whose Frontend API is a host the tests intercept. */
export const CLERK_FRONTEND_API = "clerk.trainer.test";
const publishableKey = `pk_test_${Buffer.from(`${CLERK_FRONTEND_API}$`).toString("base64")}`;
const clerkJwtKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
	.publicKey.export({ type: "spki", format: "pem" })
	.toString();

const server = (port: number, env: Record<string, string>) => ({
	// the built server as `npm start` serves it, with its Node flags (package.json's serve)
	command: "npm run serve --silent",
	url: `http://localhost:${port}/api/health`,
	reuseExistingServer: false,
	timeout: 120_000,
	env: {
		PORT: String(port),
		HOST: "127.0.0.1",
		DATA_DIR: mkdtempSync(join(tmpdir(), `cct-e2e-${port}-`)),
		LOG_LEVEL: "warn",
		...env,
	},
});

export default defineConfig({
	testDir: "e2e",
	testMatch: "*.spec.ts",
	workers: 1,
	timeout: 90_000,
	expect: { timeout: 20_000 },
	outputDir: "test-results/e2e",
	reporter: [["list"]],
	use: {
		baseURL: `http://localhost:${LOCAL_PORT}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
			// the machine has no network: background services of Chromium would only fail
			args: [
				"--no-sandbox",
				"--disable-gpu",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
				"--no-first-run",
			],
		},
		screenshot: "only-on-failure",
		trace: "retain-on-failure",
	},
	webServer: [
		server(LOCAL_PORT, { QUOTA_INITIAL: "3" }),
		server(CLERK_PORT, {
			CLERK_PUBLISHABLE_KEY: publishableKey,
			CLERK_JWT_KEY: clerkJwtKey,
		}),
	],
});
