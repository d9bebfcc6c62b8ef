import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";

const TEST_DIR = fileURLToPath(new URL("..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
/** tsx, resolved here: the process may start in a folder with no node_modules */
const TSX = import.meta.resolve("tsx");

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
	const server = createServer();
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const address = server.address();
	server.close();
	if (!address || typeof address === "string") throw new Error("no port");
	return address.port;
}

export interface ServerProcess {
	child: ChildProcess;
	output(): string;
	exit: Promise<number | null>;
}

/**
 * Runs src/main.ts as its own process, from the TypeScript sources, with exactly this environment,
 * in `cwd` (where it looks for .env; by default this test folder, which has none).
 */
export function spawnServer(
	env: Record<string, string>,
	cwd = TEST_DIR,
): ServerProcess {
	const child = spawn(
		process.execPath,
		["--conditions", "source", "--import", TSX, MAIN],
		{
			cwd,
			env: { PATH: process.env.PATH ?? "", ...env },
			stdio: ["ignore", "pipe", "pipe"],
		},
	);
	let output = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		output += chunk.toString();
	});
	child.stderr?.on("data", (chunk: Buffer) => {
		output += chunk.toString();
	});
	const exit = once(child, "exit").then(([code]) => code as number | null);
	return { child, output: () => output, exit };
}

/** Resolves when the process logs that it is ready, rejects if it exits first. */
export async function waitUntilReady(
	server: ServerProcess,
	timeoutMs = 60_000,
): Promise<void> {
	const started = Date.now();
	while (!server.output().includes('"msg":"ready"')) {
		if (server.child.exitCode !== null)
			throw new Error(`server exited early:\n${server.output()}`);
		if (Date.now() - started > timeoutMs)
			throw new Error(`server not ready:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export interface RunningServer extends ServerProcess {
	/** http://127.0.0.1:<port> */
	base: string;
}

/**
 * Starts src/main.ts on a free port with its own DATA_DIR, in this test folder; resolves once it
 * is ready. The process is killed and its folder removed when the test ends.
 */
export async function startServer(
	env: Record<string, string>,
): Promise<RunningServer> {
	const dataDir = await mkdtemp(join(tmpdir(), "cct-process-"));
	const port = await freePort();
	const server = spawnServer({ DATA_DIR: dataDir, PORT: String(port), ...env });
	onTestFinished(async () => {
		if (server.child.exitCode === null && server.child.signalCode === null) {
			server.child.kill("SIGKILL");
			await server.exit;
		}
		await rm(dataDir, { recursive: true, force: true });
	});
	await waitUntilReady(server);
	return { ...server, base: `http://127.0.0.1:${port}` };
}
