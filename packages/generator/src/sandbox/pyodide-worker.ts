import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import type { JobOutcome, RunJob, WorkerData } from "./protocol.js";
import { PYTHON_GUARD } from "./python-guard.js";
import { capMemoryGrowth, hideHostGlobals } from "./worker-hardening.js";

const port = parentPort;
if (!port) throw new Error("pyodide-worker must run in a worker thread");
const { interrupt } = workerData as WorkerData;

// Pyodide's heap is a WebAssembly memory that grows through this call; capping it turns a memory
// bomb into a Python MemoryError instead of gigabytes of RSS.
const limit = capMemoryGrowth();

const { loadPyodide } = await import("pyodide");
// explicit, because Pyodide guesses its folder from the caller's location, which is wrong in a worker
const indexURL = fileURLToPath(new URL(".", import.meta.resolve("pyodide")));
const pyodide = await loadPyodide({ indexURL, env: { HOME: "/home/pyodide" } });
pyodide.setInterruptBuffer(new Int32Array(interrupt));
pyodide.runPython(PYTHON_GUARD);
const runSnippet = pyodide.globals.get("_sandbox_run") as (code: string) => {
	toJs(): [string, string];
	destroy(): void;
};
// the interpreter's own heap after loading; Pyodide exposes it only on its private module object
const { _module: wasm } = pyodide as unknown as {
	_module: { HEAP8: Int8Array };
};
limit.setBaseline(wasm.HEAP8.length);

let stdout = "";
const decoder = new TextDecoder();
pyodide.setStdout({
	write(bytes: Uint8Array) {
		stdout += decoder.decode(bytes, { stream: true });
		return bytes.length;
	},
});
pyodide.setStderr({ write: (bytes: Uint8Array) => bytes.length });
hideHostGlobals();

port.on("message", (job: RunJob) => {
	stdout = "";
	limit.setAllowance(job.memoryMb);
	const result = runSnippet(job.code);
	const [status, error] = result.toJs();
	result.destroy();
	stdout += decoder.decode();
	const outcome: JobOutcome =
		status === "ok"
			? { id: job.id, status: "ok", stdout, exact: true }
			: {
					id: job.id,
					status: status as "error" | "timeout" | "memory",
					stdout,
					error,
				};
	port.postMessage(outcome);
});
port.postMessage({ ready: true });
