import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { PyDict } from "pyodide/ffi";
import { assertChildProcessesDisabled } from "./host-stand-ins.js";
import {
	type JobOutcome,
	MAX_OUTPUT_CHARS,
	type RunJob,
	type WorkerData,
} from "./protocol.js";
import { type SnapshotSource, startPyodide } from "./pyodide-start.js";
import {
	capMemoryGrowth,
	forbidCodeGeneration,
	hideHostGlobals,
} from "./worker-hardening.js";

/**
 * The memory snapshot to start from, which the server names in this file's URL
 * (`?snapshot=<path>&sha256=<hex>`, see sandbox-launch.ts) along with the SHA-256 its maker
 * recorded; startPyodide loads it only if the file still has that hash.
 */
function snapshotSource(): SnapshotSource | undefined {
	const query = new URL(import.meta.url).searchParams;
	const path = query.get("snapshot");
	const sha256 = query.get("sha256");
	return path && sha256 ? { path, sha256 } : undefined;
}

const port = parentPort;
if (!port) throw new Error("pyodide-worker must run in a worker thread");
const { interrupt, wasmModule } = workerData as WorkerData;
const interruptFlag = new Int32Array(interrupt);
// Python kept as Python, so that it is checked as such (python-guard.test.ts); the build copies it
// next to the compiled worker, and source-bundle.ts next to the bundled one
const pythonGuard = readFileSync(
	new URL("./python-guard.py", import.meta.url),
	"utf8",
);

// Pyodide's heap is a WebAssembly memory that grows through this call; capping it turns a memory
// bomb into a Python MemoryError instead of gigabytes of RSS.
const limit = capMemoryGrowth();
// Emscripten's system() runs a shell through child_process, and its NODEFS reads process.binding
// (which Node's permission model refuses): the bootstrap has narrowed both (host-stand-ins.ts)
// Emscripten names the program after this thread's script, a path on the host that sys.executable,
// sys.orig_argv and $_ would show; without one it uses the name Pyodide has in a browser
process.argv.splice(1);

const { pyodide, startedFrom } = await startPyodide(
	snapshotSource(),
	wasmModule,
);
// Pyodide's loader may publish a global `require` that hands out child_process
assertChildProcessesDisabled();
pyodide.setInterruptBuffer(interruptFlag);

let stdout = "";
let overflow = false;
const decoder = new TextDecoder();
pyodide.setStdout({
	write(bytes: Uint8Array) {
		if (overflow) {
			// the snippet caught the interrupt and printed on: interrupt it again
			Atomics.store(interruptFlag, 0, 2);
			return bytes.length;
		}
		stdout += decoder.decode(bytes, { stream: true });
		if (stdout.length > MAX_OUTPUT_CHARS) {
			// ends the run as the deadline would; what it printed past the limit is dropped
			overflow = true;
			stdout = stdout.slice(0, MAX_OUTPUT_CHARS);
			Atomics.store(interruptFlag, 0, 2);
		}
		return bytes.length;
	},
});
pyodide.setStderr({ write: (bytes: Uint8Array) => bytes.length });
// Node's default would read the host's stdin
pyodide.setStdin({ error: true });

// `pyodide_js` is the Pyodide API (mountNodeFS, loadPackage, the Emscripten module): the host
for (const name of ["js", "pyodide_js"]) pyodide.unregisterJsModule(name);
const guardScope = pyodide.toPy({}) as PyDict;
pyodide.runPython(pythonGuard, { globals: guardScope });
const runSnippet = guardScope.get("run_snippet") as (code: string) => PyTuple;
const afterRun = guardScope.get("after_run") as () => void;
const intact = guardScope.get("intact") as () => boolean;
const releaseGraveyard = guardScope.get("release_graveyard") as () => void;
const gcDisable = guardScope.get("disable_collector") as () => void;
const gcEnable = guardScope.get("enable_collector") as () => void;
const gcCollect = guardScope.get("collect") as () => number;
guardScope.destroy();

// the interpreter's own heap after loading; Pyodide exposes it only on its private module object
const { _module: wasm } = pyodide as unknown as {
	_module: { HEAP8: Int8Array };
};
limit.setBaseline(wasm.HEAP8.length);

hideHostGlobals();
forbidCodeGeneration();

interface PyTuple {
	toJs(): [string, string, string];
	destroy(): void;
}

/**
 * Runs the snippet: how it ended, why, and the class name of an exception that escaped it ("" for
 * none). An exception escapes the runner only when one struck its own handlers.
 */
function runGuarded(code: string): [JobOutcome["status"], string, string] {
	try {
		const result = runSnippet(code);
		const [status, error, raised] = result.toJs();
		result.destroy();
		return [status as JobOutcome["status"], error, raised];
	} catch (error) {
		const type = (error as { type?: string }).type;
		if (type === "KeyboardInterrupt")
			return ["timeout", "time limit exceeded", ""];
		if (type === "MemoryError") return ["memory", "memory limit exceeded", ""];
		return ["error", `${type ?? "Error"}: the run could not be completed`, ""];
	}
}

/**
 * Puts the interpreter back as the guard found it. No snippet code may run while the guard's
 * frames are on the stack, so the collector is off during after_run, and what it replaced is freed
 * afterwards from here. Answers whether the worker can serve another run.
 */
function cleanUp(): boolean {
	// a deadline passing now must not run the snippet's signal handler (a hung clean-up is killed by the host)
	pyodide.setInterruptBuffer(undefined as unknown as Int32Array);
	gcDisable();
	try {
		afterRun();
	} catch {
		return false;
	} finally {
		pyodide.setInterruptBuffer(interruptFlag);
	}
	try {
		releaseGraveyard();
		gcEnable();
		gcCollect();
		return intact();
	} catch {
		return false;
	}
}

function execute(job: RunJob): JobOutcome {
	stdout = "";
	overflow = false;
	limit.setAllowance(job.memoryMb);
	const [ended, endError, raised] = runGuarded(job.code);
	// the interrupt the overflow raised may not have been seen before the snippet ended
	if (overflow) Atomics.store(interruptFlag, 0, 0);
	const clean = cleanUp();
	if (!overflow) stdout += decoder.decode();
	const [status, error] = overflow
		? (["error", "output limit exceeded"] as const)
		: [ended, endError];
	// the run changed what the guard cannot undo (files, the environment): the host replaces this worker
	const recycle = clean ? {} : { recycle: true as const };
	if (status === "ok")
		return { id: job.id, status: "ok", stdout, exact: true, ...recycle };
	if (status !== "error")
		return { id: job.id, status, stdout, error, ...recycle };
	// past the output limit the run was cut short: what it raised then is the interrupt's
	const escaped = !overflow && raised ? { raised } : {};
	return {
		id: job.id,
		status,
		stdout,
		error,
		...escaped,
		exact: !overflow,
		...recycle,
	};
}

port.on("message", (job: RunJob) => {
	port.postMessage(execute(job));
});
// how it started, for the tests and the bench: from the snapshot, or a normal load
port.postMessage({ ready: true, startedFrom });
