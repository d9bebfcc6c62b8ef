import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
	.publicKey.export({ type: "spki", format: "pem" })
	.toString();

const problemsOf = (env: Record<string, string>) => {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error.problems;
		throw error;
	}
	return [];
};

describe("loadConfig", () => {
	it("resolves the embedded defaults from an empty environment", () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			port: 8000,
			host: "127.0.0.1",
			databaseUrl: null,
			dataDir: "./data",
			auth: { provider: "local" },
			generator: {
				kind: "offline",
				poolSize: 3,
				openai: { model: "gpt-4o-mini", apiKey: null },
			},
			quota: { initial: 50, daily: 10, resetHours: 24 },
		});
		expect(config.auth.authorizedParties).toEqual([
			"http://localhost:5173",
			"http://localhost:8000",
			"http://127.0.0.1:8000",
		]);
		expect(config.corsOrigins).toEqual(config.auth.authorizedParties);
	});

	it("chooses Clerk when a Clerk key is set and OpenAI when an OpenAI key is set", () => {
		expect(loadConfig({ CLERK_JWT_KEY: pem }).auth.provider).toBe("clerk");
		expect(loadConfig({ CLERK_SECRET_KEY: "sk_test_x" }).auth.provider).toBe(
			"clerk",
		);
		expect(
			loadConfig({ CLERK_SECRET_KEY: "sk_test_x", AUTH_PROVIDER: "local" }).auth
				.provider,
		).toBe("local");
		expect(loadConfig({ OPENAI_API_KEY: "sk-abc" }).generator.kind).toBe(
			"openai",
		);
		expect(
			loadConfig({ OPENAI_API_KEY: "sk-abc", GENERATOR: "offline" }).generator
				.kind,
		).toBe("offline");
	});

	it("accepts a PEM whose newlines arrive escaped from a .env file", () => {
		const config = loadConfig({ CLERK_JWT_KEY: pem.replaceAll("\n", "\\n") });
		expect(config.auth.clerk.jwtKey).toBe(pem.trim());
	});

	it("always allows the server's own origins on its port as authorized parties", () => {
		const config = loadConfig({
			PORT: "9001",
			CLERK_AUTHORIZED_PARTIES: "https://app.example.com/, https://b.example",
		});
		expect(config.auth.authorizedParties).toEqual([
			"https://app.example.com",
			"https://b.example",
			"http://localhost:9001",
			"http://127.0.0.1:9001",
		]);
	});

	it("treats blank values as unset", () => {
		expect(
			loadConfig({ PORT: "", DATABASE_URL: " ", CLERK_JWT_KEY: "" }),
		).toMatchObject({ port: 8000, databaseUrl: null });
	});

	it.each([
		[{ QUOTA_DAILY: "-1" }, "QUOTA_DAILY must be >= 0"],
		[{ QUOTA_INITIAL: "lots" }, "QUOTA_INITIAL must be a number"],
		[{ QUOTA_RESET_HOURS: "0" }, "QUOTA_RESET_HOURS must be > 0"],
		[{ PORT: "70000" }, "PORT must be <= 65535"],
		[{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgres"],
		[{ CLERK_JWT_KEY: "not a key" }, "CLERK_JWT_KEY must be an RSA public key"],
		[{ AUTH_PROVIDER: "okta" }, "AUTH_PROVIDER"],
		[{ GENERATOR: "magic" }, "GENERATOR"],
		[{ CORS_ORIGINS: "*" }, "CORS_ORIGINS"],
		[{ CLERK_AUTHORIZED_PARTIES: "not-a-url" }, "CLERK_AUTHORIZED_PARTIES"],
		[
			{ CLERK_WEBHOOK_SECRET: "secret" },
			"CLERK_WEBHOOK_SECRET must be a Svix signing secret",
		],
		[
			{ AUTH_PROVIDER: "clerk" },
			"AUTH_PROVIDER is clerk, which needs CLERK_JWT_KEY or CLERK_SECRET_KEY",
		],
	])("refuses %j with a line naming the variable", (env, expected) => {
		const problems = problemsOf(env);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(expected);
	});

	it("reports every bad variable at once, never echoing a value", () => {
		const problems = problemsOf({
			QUOTA_DAILY: "-5",
			CLERK_SECRET_KEY: "secret-value-123",
			PORT: "x",
		});
		expect(problems).toHaveLength(3);
		expect(problems.join("\n")).not.toContain("secret-value-123");
	});
});
