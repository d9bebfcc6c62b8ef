import childProcess from "node:child_process";
import { constants as fsConstants } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { constants as osConstants } from "node:os";

/** The shell's "command not found": what a command that never started exits with. */
const NOT_STARTED = 127;

/** Shaped like the permission model's refusals, so code that handles those handles these. */
function accessDenied(message: string): Error {
	return Object.assign(new Error(message), { code: "ERR_ACCESS_DENIED" });
}

function refuse(name: string) {
	return function refused(): never {
		throw accessDenied(`child_process.${name} is not available in the sandbox`);
	};
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
	spawn: refuse("spawn"),
	exec: refuse("exec"),
	execFile: refuse("execFile"),
	execSync: refuse("execSync"),
	execFileSync: refuse("execFileSync"),
	fork: refuse("fork"),
};

/**
 * Makes this thread's `node:child_process` start nothing. Emscripten reaches the module through a
 * `require` of its own (not a global that hideHostGlobals could remove), so the module's exports
 * themselves are replaced, for `require` and, after the sync, for ESM imports too.
 */
export function disableChildProcesses(): void {
	// fixed, so nothing later in the thread puts the originals back
	const fixed = { writable: false, configurable: false, enumerable: true };
	for (const [name, value] of Object.entries(REPLACEMENTS))
		Object.defineProperty(childProcess, name, { value, ...fixed });
	// the primitive under spawn, exec and fork, for code that builds a ChildProcess itself
	Object.defineProperty(childProcess.ChildProcess.prototype, "spawn", {
		value: refuse("ChildProcess.spawn"),
		...fixed,
	});
	syncBuiltinESMExports();
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
export function narrowProcessBinding(): void {
	const constants = Object.freeze({ fs: fsConstants, os: osConstants });
	const binding = (name: string) => {
		if (name === "constants") return constants;
		throw accessDenied("process.binding");
	};
	Object.defineProperty(process, "binding", {
		value: binding,
		writable: false,
		configurable: false,
		enumerable: true,
	});
}

/** Call before loading an interpreter: what its Node glue reaches on the host, narrowed to what it needs. */
export function installHostStandIns(): void {
	disableChildProcesses();
	narrowProcessBinding();
}
