import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The built server, as `npm run serve` runs it; `npm run bench` builds it first. */
const SERVER_MAIN = join(ROOT, "apps/server/dist/main.js");
/**
 * The Node flags the server is served with (package.json's serve, which `npm start` runs), so that
 * the bench runs it as deployed. Spawned directly rather than through npm, so that its pid is the
 * server's own, whose memory the bench reads.
 */
const START_FLAGS = (() => {
	const { scripts } = JSON.parse(
		readFileSync(join(ROOT, "package.json"), "utf8"),
	) as { scripts: { serve: string } };
	const flags = /^node ((?:--\S+ )*)apps\/server\/dist\/main\.js$/.exec(
		scripts.serve,
	)?.[1];
	if (flags === undefined)
		throw new Error(
			"package.json's serve script is not `node [flags] apps/server/dist/main.js`",
		);
	return flags.split(" ").filter(Boolean);
})();
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 40_000;

/** Stands in for a Clerk instance: the public key the server checks with, and tokens it accepts. */
export interface TokenIssuer {
	publicPem: string;
	authorizationFor(userId: string): Promise<string>;
}

export function createTokenIssuer(): TokenIssuer {
	const { privateKey, publicKey } = generateKeyPairSync("rsa", {
		modulusLength: 2048,
	});
	return {
		publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
		authorizationFor: (userId) => sign(privateKey, userId),
	};
}

async function sign(privateKey: KeyObject, sub: string): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	const token = await new SignJWT({
		sub,
		// the web app's dev origin, one of the server's default authorized parties
		azp: "http://localhost:5173",
		sid: `sess_${sub}`,
	})
		.setProtectedHeader({ alg: "RS256", kid: "ins_bench" })
		.setIssuedAt(now)
		.setNotBefore(now - 1)
		// long enough for the longest bench run on one server
		.setExpirationTime(now + 3 * 3600)
		.sign(privateKey);
	return `Bearer ${token}`;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === "object" && address
					? resolve(address.port)
					: reject(new Error("no port")),
			);
		});
	});
}

/** A process the bench started, stopped with SIGTERM (SIGKILL if it does not exit in time). */
export interface Child {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
	return async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) =>
			child.once("exit", () => resolve()),
		);
		child.kill("SIGTERM");
		const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
		await exited;
		clearTimeout(timer);
	};
}

/** Collects a child's stderr, to say why it died. */
function stderrOf(child: ChildProcess): () => string {
	let text = "";
	child.stderr?.on("data", (chunk: Buffer) => {
		text = (text + chunk.toString()).slice(-4000);
	});
	return () => text;
}

export interface ServerOptions {
	tokens: TokenIssuer;
	/** PostgreSQL; PGlite in `dataDir` when absent */
	databaseUrl?: string;
	/** the data folder (PGlite's files); a fresh one is made and removed when absent */
	dataDir?: string;
	env?: Record<string, string>;
}

export interface ServerProcess extends Child {
	dataDir: string;
}

/**
 * Starts `node apps/server/dist/main.js` in Clerk mode with the offline generator and a quota no
 * run can use up, and resolves once GET /api/health answers 200 (the sandboxes are warm).
 */
export async function startServer(
	options: ServerOptions,
): Promise<ServerProcess> {
	const ownDataDir = !options.dataDir;
	const dataDir =
		options.dataDir ?? (await mkdtemp(join(tmpdir(), "cct-bench-")));
	const port = await freePort();
	const child = spawn(process.execPath, [...START_FLAGS, SERVER_MAIN], {
		// no .env is read from a temporary folder: the server sees only what is set here
		cwd: dataDir,
		env: {
			PATH: process.env.PATH ?? "",
			HOME: process.env.HOME ?? "",
			PORT: String(port),
			HOST: "127.0.0.1",
			DATA_DIR: dataDir,
			...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
			LOG_LEVEL: "silent",
			CLERK_JWT_KEY: options.tokens.publicPem,
			QUOTA_INITIAL: "100000000",
			GENERATOR: "offline",
			...options.env,
		},
		stdio: ["ignore", "ignore", "pipe"],
	});
	const stderr = stderrOf(child);
	const url = `http://127.0.0.1:${port}`;
	const stopChild = stopper(child);
	try {
		await waitForHealth(url, child, stderr);
	} catch (error) {
		await stopChild();
		throw error;
	}
	return {
		url,
		pid: child.pid ?? 0,
		dataDir,
		stop: async () => {
			await stopChild();
			if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
		},
	};
}

async function waitForHealth(
	url: string,
	child: ChildProcess,
	stderr: () => string,
): Promise<void> {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`the server exited with ${child.exitCode} before it was ready:\n${stderr()}`,
			);
		const status = await fetch(`${url}/api/health`)
			.then(async (response) => {
				await response.arrayBuffer();
				return response.status;
			})
			.catch(() => 0);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server was not ready within ${START_TIMEOUT_MS} ms`);
}

/**
 * The baseline of the HTTP targets: a minimal Fastify app with one route returning a small JSON.
 * Plain JavaScript run by node itself, so that no TypeScript loader adds to its time or memory.
 */
const BARE_SERVER = `
import Fastify from "fastify";
const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
const address = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(new URL(address).port);
`;

/** The bare Fastify route in its own process, like the server. */
export async function startBareServer(): Promise<Child> {
	const child = spawn(
		process.execPath,
		["--input-type=module", "--eval", BARE_SERVER],
		// fastify is resolved from the repository's node_modules
		{ cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
	);
	const stderr = stderrOf(child);
	const port = await new Promise<string>((resolve, reject) => {
		child.stdout?.once("data", (chunk: Buffer) =>
			resolve(chunk.toString().trim()),
		);
		child.once("exit", (code) =>
			reject(new Error(`the bare server exited with ${code}:\n${stderr()}`)),
		);
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid ?? 0,
		stop: stopper(child),
	};
}

/**
 * A throwaway PostgreSQL database for one measure, named like the test runs' databases
 * (`cct_<start>_<random>_…`), so that a killed run's leftover is dropped by the next test run.
 */
export async function createBenchDatabase(
	adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `cct_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}_bench`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		try {
			await client.query(statement);
		} finally {
			await client.end();
		}
	};
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
	};
}
