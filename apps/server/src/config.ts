import { createPublicKey, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import { getHeapStatistics } from "node:v8";
import { z } from "zod";

/** Environment as handed to loadConfig: strings, or unset. */
export type Env = Record<string, string | undefined>;

const DEFAULT_AUTHORIZED_PARTIES = [
	"http://localhost:5173",
	"http://localhost:8000",
];

const blankToUndefined = (value: unknown) =>
	typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const integer = (
	fallback: number,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
) =>
	z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: "must be a number" })
			.int("must be a whole number")
			.min(min, `must be >= ${min}`)
			.max(max, `must be <= ${max}`)
			.default(fallback),
	);

const httpUrl = () =>
	z.url({
		protocol: /^https?$/,
		error: "must be an http:// or https:// URL",
	});
const origin = httpUrl().transform((url) => new URL(url).origin);
const originList = (what: string) =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.optional()
			.transform((list) =>
				list
					?.split(",")
					.map((item) => item.trim())
					.filter(Boolean),
			)
			.pipe(
				z
					.array(origin.refine((o) => o !== "*", `${what} cannot be *`))
					.optional(),
			),
	);

/** Clerk's instance keys; @clerk/backend's networkless check reads only this size of key. */
const CLERK_KEY_BITS = 2048;
const PEM_LABEL = /-----BEGIN ([A-Z0-9 ]+)-----/;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const NOT_A_PUBLIC_KEY =
	"must be an RSA public key in PEM format (-----BEGIN PUBLIC KEY----- …)";

/**
 * The key as @clerk/backend's networkless verification needs it: it takes the modulus of a
 * 2048-bit SPKI PEM by cutting off a fixed prefix, so any other key would make every token fail.
 * A PKCS#1 key ("BEGIN RSA PUBLIC KEY") is converted; a private key or a certificate is refused.
 * Clerk's dashboard shows the PEM on several lines; in .env files it often arrives with literal "\n".
 */
const clerkJwtKey = z.string().transform((value, context) => {
	const refuse = (message: string) => {
		context.addIssue({ code: "custom", message });
		return z.NEVER;
	};
	const pem = value.replaceAll("\\n", "\n").trim();
	if (PRIVATE_KEY.test(pem))
		return refuse(
			"must be Clerk's public key, not a private key: copy the PEM public key from Clerk's dashboard (API keys)",
		);
	const label = PEM_LABEL.exec(pem)?.[1];
	if (label === "CERTIFICATE")
		return refuse(
			"must be a public key (-----BEGIN PUBLIC KEY----- …), not a certificate",
		);
	if (label !== "PUBLIC KEY" && label !== "RSA PUBLIC KEY")
		return refuse(NOT_A_PUBLIC_KEY);
	let key: KeyObject;
	try {
		key = createPublicKey(pem);
	} catch {
		return refuse(NOT_A_PUBLIC_KEY);
	}
	if (key.asymmetricKeyType !== "rsa") return refuse(NOT_A_PUBLIC_KEY);
	const { modulusLength, publicExponent } = key.asymmetricKeyDetails ?? {};
	if (modulusLength !== CLERK_KEY_BITS || publicExponent !== 65537n)
		return refuse(
			`must be a ${CLERK_KEY_BITS}-bit RSA public key with exponent 65537, as Clerk issues; the networkless check reads no other`,
		);
	return key.export({ type: "spki", format: "pem" }).toString().trim();
});

const MB = 1024 * 1024;

/**
 * Load shedding's default heap limit: 90% of the heap V8 may grow to in this process (which
 * --max-old-space-size and a container's memory limit set). Close to that V8 spends its time in
 * garbage collection and then aborts; refusing new requests lets the ones in flight finish.
 */
const DEFAULT_MAX_HEAP_MB = Math.floor(
	(getHeapStatistics().heap_size_limit / MB) * 0.9,
);

/** proxy-addr's names for address ranges, accepted as TRUST_PROXY entries */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
	if (PROXY_RANGE_NAMES.has(entry)) return true;
	const [address = "", bits, ...rest] = entry.split("/");
	const version = isIP(address);
	if (!version || rest.length) return false;
	if (bits === undefined) return true;
	const max = version === 4 ? 32 : 128;
	return /^\d+$/.test(bits) && Number(bits) <= max;
}

/**
 * Which proxies may tell the client's address and protocol (X-Forwarded-*): none when unset, the
 * last N hops for a number, or the listed addresses and CIDR ranges.
 */
const trustProxy = z.preprocess(
	blankToUndefined,
	z
		.string()
		.optional()
		.transform((value, context): false | number | string[] => {
			if (value === undefined) return false;
			const trimmed = value.trim();
			if (/^\d+$/.test(trimmed)) return Number(trimmed);
			const entries = trimmed
				.split(",")
				.map((entry) => entry.trim())
				.filter(Boolean);
			const bad = entries.find((entry) => !isProxyAddress(entry));
			if (bad === undefined && entries.length) return entries;
			context.addIssue({
				code: "custom",
				message:
					"must be a number of proxy hops or a comma-separated list of IP addresses or CIDR ranges",
			});
			return z.NEVER;
		}),
);

const EnvSchema = z.object({
	PORT: integer(8000, 0, 65535),
	HOST: z.preprocess(blankToUndefined, z.string().default("127.0.0.1")),
	DATABASE_URL: z.preprocess(
		blankToUndefined,
		z
			.url({
				protocol: /^postgres(ql)?$/,
				error: "must be a postgres:// or postgresql:// URL",
			})
			.optional(),
	),
	DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
	CLERK_JWT_KEY: z.preprocess(blankToUndefined, clerkJwtKey.optional()),
	CLERK_SECRET_KEY: z.preprocess(
		blankToUndefined,
		z.string().startsWith("sk_", "must start with sk_").optional(),
	),
	CLERK_PUBLISHABLE_KEY: z.preprocess(
		blankToUndefined,
		z.string().startsWith("pk_", "must start with pk_").optional(),
	),
	CLERK_AUTHORIZED_PARTIES: originList("an authorized party"),
	CLERK_WEBHOOK_SECRET: z.preprocess(
		blankToUndefined,
		z
			.string()
			.startsWith(
				"whsec_",
				"must be a Svix signing secret starting with whsec_",
			)
			.optional(),
	),
	CLERK_API_URL: z.preprocess(
		blankToUndefined,
		httpUrl().default("https://api.clerk.com"),
	),
	AUTH_PROVIDER: z.preprocess(
		blankToUndefined,
		z.enum(["clerk", "local"]).optional(),
	),
	GENERATOR: z.preprocess(
		blankToUndefined,
		z.enum(["openai", "offline"]).optional(),
	),
	OPENAI_API_KEY: optionalString,
	OPENAI_BASE_URL: z.preprocess(blankToUndefined, httpUrl().optional()),
	OPENAI_MODEL: z.preprocess(
		blankToUndefined,
		z.string().default("gpt-4o-mini"),
	),
	OPENAI_TIMEOUT_MS: integer(30_000, 100, 600_000),
	POOL_SIZE: integer(3, 0, 100),
	QUOTA_INITIAL: integer(50, 0),
	QUOTA_DAILY: integer(10, 0),
	QUOTA_RESET_HOURS: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: "must be a number" })
			.positive("must be > 0")
			.default(24),
	),
	CORS_ORIGINS: originList("a CORS origin"),
	TRUST_PROXY: trustProxy,
	// a class signing up together behind one school NAT is one client: 30 leaves room for it
	SIGN_UP_LIMIT_PER_CLIENT: integer(30, 1),
	SIGN_UP_LIMIT_PER_HOUR: integer(100, 1),
	// a bearer token that short could be guessed by whoever can reach the port
	METRICS_TOKEN: z.preprocess(
		blankToUndefined,
		z
			.string()
			.min(16, "must be at least 16 characters")
			.regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
			.optional(),
	),
	// load shedding; 0 turns a limit off. RSS is off by default: PGlite's WebAssembly memory alone
	// is 300-500 MB of it, so no default would suit both database engines
	OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: integer(1000, 0, 60_000),
	OVERLOAD_MAX_HEAP_MB: integer(DEFAULT_MAX_HEAP_MB, 0),
	OVERLOAD_MAX_RSS_MB: integer(0, 0),
	OVERLOAD_RETRY_AFTER_S: integer(10, 1, 3600),
	LOG_LEVEL: z.preprocess(
		blankToUndefined,
		z
			.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
			.default("info"),
	),
});

/** Everything the server needs, resolved once at start-up; nothing downstream ever sees "unset". */
export interface Config {
	port: number;
	host: string;
	databaseUrl: string | null;
	dataDir: string;
	auth: {
		provider: "clerk" | "local";
		/** allowed `azp` claims, the server's own origins included */
		authorizedParties: string[];
		clerk: {
			jwtKey: string | null;
			secretKey: string | null;
			publishableKey: string | null;
			apiUrl: string;
			webhookSecret: string | null;
		};
	};
	generator: {
		kind: "openai" | "offline";
		openai: {
			apiKey: string | null;
			baseUrl: string | null;
			model: string;
			timeoutMs: number;
		};
		poolSize: number;
	};
	quota: { initial: number; daily: number; resetHours: number };
	/** new local accounts allowed per hour, from one client and from everyone */
	signUpLimits: { perClientPerHour: number; perHour: number };
	corsOrigins: string[];
	/** Fastify's trustProxy: false, a hop count, or the trusted proxies' addresses */
	trustProxy: false | number | string[];
	logLevel: string;
	/** bearer token of GET /metrics; null: no metrics are served */
	metricsToken: string | null;
	/** load shedding: the API answers 503 overloaded past any of these limits; 0 turns one off */
	overload: {
		maxEventLoopDelayMs: number;
		maxHeapMb: number;
		maxRssMb: number;
		/** the Retry-After of a 503 overloaded */
		retryAfterS: number;
	};
}

/** Thrown by loadConfig; one line per bad variable, never a value. */
export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(
			problems.map((problem) => `Invalid configuration: ${problem}`).join("\n"),
		);
		this.name = "ConfigError";
	}
}

/** Parses and checks the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Env): Config {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map(
				(issue) => `${issue.path.join(".")} ${issue.message}`,
			),
		);
	}
	const e = parsed.data;
	const hasClerkKey = Boolean(e.CLERK_JWT_KEY || e.CLERK_SECRET_KEY);
	const provider = e.AUTH_PROVIDER ?? (hasClerkKey ? "clerk" : "local");
	if (provider === "clerk" && !hasClerkKey) {
		throw new ConfigError([
			"AUTH_PROVIDER is clerk, which needs CLERK_JWT_KEY or CLERK_SECRET_KEY",
		]);
	}
	const ownOrigins = [
		`http://localhost:${e.PORT}`,
		`http://127.0.0.1:${e.PORT}`,
	];
	const authorizedParties = [
		...new Set([
			...(e.CLERK_AUTHORIZED_PARTIES ?? DEFAULT_AUTHORIZED_PARTIES),
			...ownOrigins,
		]),
	];
	return {
		port: e.PORT,
		host: e.HOST,
		databaseUrl: e.DATABASE_URL ?? null,
		dataDir: e.DATA_DIR,
		auth: {
			provider,
			authorizedParties,
			clerk: {
				jwtKey: e.CLERK_JWT_KEY ?? null,
				secretKey: e.CLERK_SECRET_KEY ?? null,
				publishableKey: e.CLERK_PUBLISHABLE_KEY ?? null,
				apiUrl: e.CLERK_API_URL,
				webhookSecret: e.CLERK_WEBHOOK_SECRET ?? null,
			},
		},
		generator: {
			kind: e.GENERATOR ?? (e.OPENAI_API_KEY ? "openai" : "offline"),
			openai: {
				apiKey: e.OPENAI_API_KEY ?? null,
				baseUrl: e.OPENAI_BASE_URL ?? null,
				model: e.OPENAI_MODEL,
				timeoutMs: e.OPENAI_TIMEOUT_MS,
			},
			poolSize: e.POOL_SIZE,
		},
		quota: {
			initial: e.QUOTA_INITIAL,
			daily: e.QUOTA_DAILY,
			resetHours: e.QUOTA_RESET_HOURS,
		},
		signUpLimits: {
			perClientPerHour: e.SIGN_UP_LIMIT_PER_CLIENT,
			perHour: e.SIGN_UP_LIMIT_PER_HOUR,
		},
		corsOrigins: e.CORS_ORIGINS ?? authorizedParties,
		trustProxy: e.TRUST_PROXY,
		logLevel: e.LOG_LEVEL,
		metricsToken: e.METRICS_TOKEN ?? null,
		overload: {
			maxEventLoopDelayMs: e.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
			maxHeapMb: e.OVERLOAD_MAX_HEAP_MB,
			maxRssMb: e.OVERLOAD_MAX_RSS_MB,
			retryAfterS: e.OVERLOAD_RETRY_AFTER_S,
		},
	};
}
