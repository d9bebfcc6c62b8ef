import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
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
 * Runs src/main.ts as its own process, from the TypeScript sources (or a built main.js given as
 * `main`), with exactly this environment, in `cwd` (where it looks for .env; by default this test
 * folder, which has none).
 */
export function spawnServer(
	env: Record<string, string>,
	cwd = TEST_DIR,
	main = MAIN,
): ServerProcess {
	const fromSource = main.endsWith(".ts");
	const child = spawn(
		process.execPath,
		fromSource ? ["--conditions", "source", "--import", TSX, main] : [main],
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

const running = (server: ServerProcess) =>
	server.child.exitCode === null && server.child.signalCode === null;

/** Resolves when the process logs that it is ready, rejects if it exits (or is killed) first. */
export async function waitUntilReady(
	server: ServerProcess,
	timeoutMs = 60_000,
): Promise<void> {
	const started = Date.now();
	while (!server.output().includes('"msg":"ready"')) {
		if (!running(server))
			throw new Error(`server exited early:\n${server.output()}`);
		if (Date.now() - started > timeoutMs)
			throw new Error(`server not ready:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** One line of /proc/<pid>/stat, split after the command name (which may hold spaces). */
function procStat(path: string): { name: string; fields: string[] } | null {
	try {
		const stat = readFileSync(path, "utf8");
		const close = stat.lastIndexOf(")");
		return {
			name: stat.slice(stat.indexOf("(") + 1, close),
			fields: stat.slice(close + 2).split(" "),
		};
	} catch {
		return null; // it ended while we looked
	}
}

/** The processes `pid` started, and theirs, found by parent id in /proc (Linux). */
function descendants(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		const parent = Number(procStat(`/proc/${entry}/stat`)?.fields[1]);
		if (parent)
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
	}
	const found: number[] = [];
	const visit = (id: number) => {
		for (const child of children.get(id) ?? []) {
			found.push(child);
			visit(child);
		}
	};
	visit(pid);
	return found;
}

/**
 * What a process and those it started (the sandbox process, esbuild) are doing, as the kernel
 * sees them: each one's command, state, where its main thread waits (wchan: ep_poll is an idle
 * event loop, pipe_write a full output pipe, futex a lock) and its threads by name and state.
 */
function processState(pid: number): string {
	return [pid, ...descendants(pid)]
		.map((id) => {
			const stat = procStat(`/proc/${id}/stat`);
			if (!stat) return `${id}: gone`;
			const read = (file: string) => {
				try {
					return readFileSync(`/proc/${id}/${file}`, "utf8");
				} catch {
					return "?";
				}
			};
			let threads: string[] = [];
			try {
				threads = readdirSync(`/proc/${id}/task`).map((tid) => {
					const thread = procStat(`/proc/${id}/task/${tid}/stat`);
					return `${thread?.name ?? "?"}:${thread?.fields[0] ?? "?"}`;
				});
			} catch {
				threads = ["(ended while we looked)"];
			}
			const command = read("cmdline").replaceAll("\0", " ").slice(0, 160);
			return `${id} (parent ${stat.fields[1]}) state ${stat.fields[0]}, waits in ${read("wchan")}: ${command}\n  threads ${threads.join(" ")}`;
		})
		.join("\n");
}

/** Kills the process and every process it started: a sandbox process would outlive a killed server. */
export async function killServer(server: ServerProcess): Promise<void> {
	const pid = server.child.pid;
	if (pid === undefined || !running(server)) return;
	for (const id of descendants(pid)) {
		try {
			process.kill(id, "SIGKILL");
		} catch {
			// it ended while we looked
		}
	}
	server.child.kill("SIGKILL");
	await server.exit;
}

/**
 * The exit code, once the process exits. One still running after `timeoutMs` has its state
 * recorded (processState), is killed with what it started, and fails the test with that state
 * and all it printed, rather than leaving the test to its timeout with neither.
 */
export async function exitWithin(
	server: ServerProcess,
	timeoutMs: number,
): Promise<number | null> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<"late">((resolve) => {
		timer = setTimeout(() => resolve("late"), timeoutMs);
	});
	const code = await Promise.race([server.exit, late]);
	clearTimeout(timer);
	if (code !== "late") return code;
	const state = processState(server.child.pid ?? 0);
	await killServer(server);
	throw new Error(
		`server still running ${timeoutMs} ms after it was told to stop\n--- processes\n${state}\n--- output\n${server.output()}`,
	);
}

export interface RunningServer extends ServerProcess {
	/** http://127.0.0.1:<port> */
	base: string;
}

/**
 * Starts src/main.ts (or the built `main`) on a free port with its own DATA_DIR, in this test
 * folder; resolves once it is ready. The process (with the processes it started) is killed and
 * its folder removed when the test ends.
 */
export async function startServer(
	env: Record<string, string>,
	main = MAIN,
): Promise<RunningServer> {
	const dataDir = await mkdtemp(join(tmpdir(), "cct-process-"));
	const port = await freePort();
	const server = spawnServer(
		{ DATA_DIR: dataDir, PORT: String(port), ...env },
		TEST_DIR,
		main,
	);
	onTestFinished(async ({ task }) => {
		// a test that failed or timed out under a live server: say what the server was doing
		if (task.result?.state === "fail" && running(server))
			console.error(
				`the server was still running\n--- processes\n${processState(server.child.pid ?? 0)}\n--- output\n${server.output()}`,
			);
		await killServer(server);
		await rm(dataDir, { recursive: true, force: true });
	});
	await waitUntilReady(server);
	return { ...server, base: `http://127.0.0.1:${port}` };
}

/**
 * Resolves once the server answers /api/health with 200: database migrated, sandboxes warm. Each
 * request has a few seconds, as a load balancer's check would; one that takes longer is tried again.
 */
export async function untilHealthy(
	server: RunningServer,
	timeoutMs = 90_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const status = () =>
		fetch(`${server.base}/api/health`, {
			signal: AbortSignal.timeout(5_000),
		}).then(
			(response) => response.status,
			(error: Error) => error.name,
		);
	for (;;) {
		const last = await status();
		if (last === 200) return;
		if (Date.now() > deadline)
			throw new Error(
				`not healthy after ${timeoutMs} ms (last: ${last})\n--- processes\n${processState(server.child.pid ?? 0)}\n--- output\n${server.output()}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
