/**
 * What an interpreter's thread in the sandbox process may reach of Node, narrowed before the
 * interpreter loads (worker-bootstrap.ts). The replacements are fixed in place, so a snippet that
 * escaped its interpreter into this thread's JavaScript finds them and cannot undo them; they are
 * the layer behind the permission model, and cover what it does not on Node 20 and 22.
 */
import childProcess from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import { constants as fsConstants } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import { constants as osConstants } from "node:os";
import workerThreads from "node:worker_threads";

/** The shell's "command not found": what a command that never started exits with. */
const NOT_STARTED = 127;

/** Shaped like the permission model's refusals, so code that handles those handles these. */
function accessDenied(message: string): Error {
	return Object.assign(new Error(message), { code: "ERR_ACCESS_DENIED" });
}

function refuse(name: string) {
	return function refused(): never {
		throw accessDenied(`${name} is not available in the sandbox`);
	};
}

/** Fixed, so nothing later in the thread puts the originals back. */
function fix(target: object, name: string, value: unknown): void {
	Object.defineProperty(target, name, {
		value,
		writable: false,
		configurable: false,
		enumerable: true,
	});
}

/**
 * Emscripten's `system()` calls this from inside a WebAssembly import, where a thrown error is a
 * fatal error that kills the interpreter; a shell that could not start the command is a failure
 * Python reports as a status, the same for every command, so the status says nothing of the host.
 */
function spawnSyncNotStarted() {
	return {
		pid: 0,
		output: [null, null, null],
		stdout: null,
		stderr: null,
		status: NOT_STARTED,
		signal: null,
		error: accessDenied(
			"child_process.spawnSync is not available in the sandbox",
		),
	};
}

const REPLACEMENTS = {
	spawnSync: spawnSyncNotStarted,
	spawn: refuse("child_process.spawn"),
	exec: refuse("child_process.exec"),
	execFile: refuse("child_process.execFile"),
	execSync: refuse("child_process.execSync"),
	execFileSync: refuse("child_process.execFileSync"),
	fork: refuse("child_process.fork"),
};

/**
 * Makes this thread's `node:child_process` start nothing. Emscripten reaches the module through a
 * `require` of its own (not a global that hideHostGlobals could remove), so the module's exports
 * themselves are replaced, for `require` and, after the sync, for ESM imports too.
 */
function disableChildProcesses(): void {
	for (const [name, value] of Object.entries(REPLACEMENTS))
		fix(childProcess, name, value);
	// the primitive under spawn, exec and fork, for code that builds a ChildProcess itself
	fix(
		childProcess.ChildProcess.prototype,
		"spawn",
		refuse("child_process.ChildProcess.spawn"),
	);
}

/** Throws unless every way this thread's globals lead to `node:child_process` ends at the stand-ins. */
export function assertChildProcessesDisabled(): void {
	const globalRequire = (globalThis as { require?: unknown }).require;
	const handedOut =
		typeof globalRequire === "function"
			? (globalRequire as (name: string) => unknown)("child_process")
			: undefined;
	for (const candidate of [childProcess, handedOut]) {
		if (candidate === undefined) continue;
		const { spawnSync } = candidate as Record<string, unknown>;
		if (spawnSync !== spawnSyncNotStarted)
			throw new Error("a way to start host processes is still reachable");
	}
}

/**
 * Replaces `process.binding` with one that answers only `"constants"`, which Emscripten's NODEFS
 * reads while Pyodide loads. Under Node's permission model the original refuses every name, so
 * Pyodide could not load; everywhere, the other names are raw bindings (spawn_sync, process_wrap,
 * fs) that go around every JavaScript-level restriction.
 */
function narrowProcessBinding(): void {
	const constants = Object.freeze({ fs: fsConstants, os: osConstants });
	const binding = (name: string) => {
		if (name === "constants") return constants;
		throw accessDenied("process.binding");
	};
	fix(process, "binding", binding);
}

/**
 * The permission model of Node 20 and of Node 22 lets `new Worker(code, { execArgv: [] })` start a
 * thread outside it (the worker's own flags replace the process's), so no thread of the sandbox
 * process may start another.
 */
function refuseThreads(): void {
	fix(workerThreads, "Worker", refuse("starting a thread"));
}

/** Every function of a module or prototype, so that none is left out when Node adds one. */
function functionsOf(target: object): string[] {
	return Object.getOwnPropertyNames(target).filter(
		(name) =>
			name !== "constructor" &&
			name !== "Resolver" &&
			typeof Object.getOwnPropertyDescriptor(target, name)?.value ===
				"function",
	);
}

/** Node before 25 has no network permission: sockets, datagrams, DNS and listening are refused. */
function refuseNetwork(): void {
	const network = refuse("the network");
	fix(net.Socket.prototype, "connect", network);
	fix(net.Server.prototype, "listen", network);
	for (const name of ["bind", "connect", "send"])
		fix(dgram.Socket.prototype, name, network);
	for (const target of [
		dns,
		dns.promises,
		dns.Resolver.prototype,
		dns.promises.Resolver.prototype,
	])
		for (const name of functionsOf(target)) fix(target, name, refuse("DNS"));
}

/**
 * Node 22's `node:sqlite` opens database files in SQLite's own C code, which the permission model
 * does not check: it would create and write a database file anywhere the user may (`new
 * DatabaseSync(path)`, `ATTACH DATABASE`). None of it is needed, so all of it is refused. Node 20
 * has no such module.
 */
function refuseSqlite(): void {
	const sqlite = (
		process as { getBuiltinModule?: (id: string) => object | undefined }
	).getBuiltinModule?.("node:sqlite");
	if (!sqlite) return;
	for (const name of functionsOf(sqlite))
		fix(sqlite, name, refuse("node:sqlite"));
}

/** Call before loading an interpreter: what its Node glue reaches on the host, narrowed to what it needs. */
export function installHostStandIns(): void {
	disableChildProcesses();
	narrowProcessBinding();
	refuseThreads();
	refuseNetwork();
	refuseSqlite();
	// ESM imports of these modules see the replacements too
	syncBuiltinESMExports();
}
