import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const rsa = (modulusLength: number) =>
	generateKeyPairSync("rsa", { modulusLength });
const clerkSized = rsa(2048);
const pem = clerkSized.publicKey
	.export({ type: "spki", format: "pem" })
	.toString();
const large = rsa(4096).publicKey;

/** A self-signed certificate of a 2048-bit RSA key: it holds a public key, but is not one. */
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIDCDCCAfCgAwIBAgITbS1eZtQzSTiPBy8i70zlOZ/vVzANBgkqhkiG9w0BAQsF
ADATMREwDwYDVQQDDAhjY3QtdGVzdDAgFw0yNjExMjUxNTMyNDZaGA8yMTI2MTEw
MTE1MzI0NlowEzERMA8GA1UEAwwIY2N0LXRlc3QwggEiMA0GCSqGSIb3DQEBAQUA
A4IBDwAwggEKAoIBAQC7gBywjLrVedqYH0BPnmTx2nBB94DtIvgjlPaizxD6g+j2
YzhUqUQCFb5u1gR3Tgl3UR0R1jtCQomOBlJwsgyOuztHFw6CUqInZAESz+XKQgZM
jO1T29fd4Jd2pTyVVostDjKcXfSAxDY4jXsmJxGg8lw2GFzhO77mnUpy1eOdzVFD
yHxRzo0ZRXsMwLZVuOvaHKt0pnWICDeZWCwI6knqROLbvwe9LuLtckTtaf1s4dtS
gCyxrIly+G2t1bWS27CZhq3RYE7qTnEDQp7h37y2vTaG/i3wZSvmk0UTgJyVP2RP
HIdfwVldgcoCwXrCyayMV9yWzpw1mMOZ1Tm7WIYvAgMBAAGjUzBRMB0GA1UdDgQW
BBTJZHDzMUtyHIMz+1whO/JeirahUjAfBgNVHSMEGDAWgBTJZHDzMUtyHIMz+1wh
O/JeirahUjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCD4tua
q9WgmWlomSI0eEHlxDBpPAvvmVsdFifPLQAeLJxi0sI9Uib6Q/hi+1ZvmOGYOnsC
LsDEzDYvoS92F+SAgppIhW9SzqQGMLGk9GROL1t4KQoY+EUgzTZvmJYGHBo1qMSz
GdLCpybVbWsz2sKlb5t76TcfP4l9zwLakym0MlHQIZjAHk538R7MR+cHO8A18Ban
iLl6rm4yvkqSW8Ojo3JTscy+s3KnTfih6QNIvbSOa98Dx2d1YmQb33Q/oqruLIOR
VfmOjiAhtRG5oMGLnuJstSpLq3PTF8u8Wb74S/QDBymhdgcRfFY4k4JOLGANlFa7
sIKJ5NshS9wO335l
-----END CERTIFICATE-----`;

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

	it("converts a PKCS#1 key (BEGIN RSA PUBLIC KEY) to the SPKI PEM that Clerk's verifier reads", () => {
		const pkcs1 = clerkSized.publicKey
			.export({ type: "pkcs1", format: "pem" })
			.toString();
		expect(pkcs1).toContain("BEGIN RSA PUBLIC KEY");
		expect(loadConfig({ CLERK_JWT_KEY: pkcs1 }).auth.clerk.jwtKey).toBe(
			pem.trim(),
		);
	});

	it.each([
		[
			"a 4096-bit SPKI key",
			large.export({ type: "spki", format: "pem" }).toString(),
			"CLERK_JWT_KEY must be a 2048-bit RSA public key",
		],
		[
			"a 4096-bit PKCS#1 key",
			large.export({ type: "pkcs1", format: "pem" }).toString(),
			"CLERK_JWT_KEY must be a 2048-bit RSA public key",
		],
		[
			"a PKCS#8 private key",
			clerkSized.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
			"CLERK_JWT_KEY must be Clerk's public key, not a private key",
		],
		[
			"a PKCS#1 private key",
			clerkSized.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
			"CLERK_JWT_KEY must be Clerk's public key, not a private key",
		],
		[
			"a public key followed by its private key",
			`${pem}${clerkSized.privateKey.export({ type: "pkcs8", format: "pem" })}`,
			"CLERK_JWT_KEY must be Clerk's public key, not a private key",
		],
		[
			"a certificate",
			CERTIFICATE,
			"CLERK_JWT_KEY must be a public key (-----BEGIN PUBLIC KEY----- …), not a certificate",
		],
		[
			"an EC public key",
			generateKeyPairSync("ec", { namedCurve: "P-256" })
				.publicKey.export({ type: "spki", format: "pem" })
				.toString(),
			"CLERK_JWT_KEY must be an RSA public key",
		],
		[
			"a truncated PEM",
			pem.slice(0, 120),
			"CLERK_JWT_KEY must be an RSA public key",
		],
	])(
		"refuses %s as CLERK_JWT_KEY with one line that does not echo it",
		(_, value, expected) => {
			const problems = problemsOf({ CLERK_JWT_KEY: value });
			expect(problems).toHaveLength(1);
			expect(problems[0]).toContain(expected);
			expect(problems[0]).not.toContain(value.split("\n")[1]);
		},
	);

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
		[{ DATABASE_URL: "postgres://:::" }, "DATABASE_URL must be a postgres"],
		[{ DATABASE_URL: "not a url" }, "DATABASE_URL must be a postgres"],
		[
			{ OPENAI_BASE_URL: "not a url" },
			"OPENAI_BASE_URL must be an http:// or https:// URL",
		],
		[
			{ OPENAI_BASE_URL: "localhost:11434/v1" },
			"OPENAI_BASE_URL must be an http:// or https:// URL",
		],
		[
			{ OPENAI_BASE_URL: "ftp://models.example" },
			"OPENAI_BASE_URL must be an http:// or https:// URL",
		],
		[
			{ CLERK_API_URL: "api.clerk.com" },
			"CLERK_API_URL must be an http:// or https:// URL",
		],
		[
			{ CLERK_API_URL: "https://" },
			"CLERK_API_URL must be an http:// or https:// URL",
		],
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

describe("loadConfig: sign-up limits", () => {
	it("defaults to 30 per client (a class behind one NAT) and 100 per hour", () => {
		expect(loadConfig({}).signUpLimits).toEqual({
			perClientPerHour: 30,
			perHour: 100,
		});
	});

	it("reads SIGN_UP_LIMIT_PER_CLIENT and SIGN_UP_LIMIT_PER_HOUR", () => {
		expect(
			loadConfig({ SIGN_UP_LIMIT_PER_CLIENT: "3", SIGN_UP_LIMIT_PER_HOUR: "7" })
				.signUpLimits,
		).toEqual({ perClientPerHour: 3, perHour: 7 });
	});

	it.each([
		["SIGN_UP_LIMIT_PER_CLIENT", "0", "must be >= 1"],
		["SIGN_UP_LIMIT_PER_HOUR", "-5", "must be >= 1"],
		["SIGN_UP_LIMIT_PER_HOUR", "lots", "must be a number"],
		["SIGN_UP_LIMIT_PER_CLIENT", "2.5", "must be a whole number"],
	])("refuses %s=%s with one line naming it", (name, value, message) => {
		expect(problemsOf({ [name]: value })).toEqual([`${name} ${message}`]);
	});
});

describe("loadConfig: TRUST_PROXY", () => {
	it("trusts no proxy when unset or blank", () => {
		expect(loadConfig({}).trustProxy).toBe(false);
		expect(loadConfig({ TRUST_PROXY: " " }).trustProxy).toBe(false);
	});

	it("reads a hop count, or a list of addresses, CIDR ranges and proxy-addr's range names", () => {
		expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
		expect(
			loadConfig({
				TRUST_PROXY: "10.0.0.0/8, 192.0.2.7,fd00::/8, ::1, loopback",
			}).trustProxy,
		).toEqual(["10.0.0.0/8", "192.0.2.7", "fd00::/8", "::1", "loopback"]);
	});

	it.each([
		"true",
		"*",
		"10.0.0.0/33",
		"example.com",
		"10.0.0.1/8/2",
		"-1",
		",",
	])("refuses TRUST_PROXY=%s with one line naming it", (value) => {
		expect(problemsOf({ TRUST_PROXY: value })).toEqual([
			"TRUST_PROXY must be a number of proxy hops or a comma-separated list of IP addresses or CIDR ranges",
		]);
	});
});

describe("loadConfig: load shedding", () => {
	it("sheds past a 1 s event-loop delay or 90% of V8's heap limit by default, never by RSS, with Retry-After 10", () => {
		const { overload } = loadConfig({});
		expect(overload).toMatchObject({
			maxEventLoopDelayMs: 1000,
			maxRssMb: 0,
			retryAfterS: 10,
		});
		expect(overload.maxHeapMb).toBeGreaterThan(0);
	});

	it("reads the OVERLOAD_* variables, 0 turning a limit off", () => {
		expect(
			loadConfig({
				OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: "0",
				OVERLOAD_MAX_HEAP_MB: "0",
				OVERLOAD_MAX_RSS_MB: "1500",
				OVERLOAD_RETRY_AFTER_S: "30",
			}).overload,
		).toEqual({
			maxEventLoopDelayMs: 0,
			maxHeapMb: 0,
			maxRssMb: 1500,
			retryAfterS: 30,
		});
	});

	it.each([
		["OVERLOAD_MAX_EVENT_LOOP_DELAY_MS", "-1", "must be >= 0"],
		["OVERLOAD_MAX_HEAP_MB", "1.5", "must be a whole number"],
		["OVERLOAD_MAX_RSS_MB", "lots", "must be a number"],
		["OVERLOAD_RETRY_AFTER_S", "0", "must be >= 1"],
	])("refuses %s=%s with one line naming it", (name, value, message) => {
		expect(problemsOf({ [name]: value })).toEqual([`${name} ${message}`]);
	});
});
