import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

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
