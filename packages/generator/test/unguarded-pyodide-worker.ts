import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { installHostStandIns } from "../src/sandbox/host-stand-ins.js";

/**
 * Pyodide with the sandbox's host stand-ins and nothing else: no guard, so no audit hook refuses
 * `os.system`. It runs each command through Python's `os.system` and posts back the statuses.
 */
const port = parentPort;
if (!port)
	throw new Error("unguarded-pyodide-worker must run in a worker thread");
const { commands } = workerData as { commands: string[] };

installHostStandIns();
const { loadPyodide } = await import("pyodide");
const pyodide = await loadPyodide({
	indexURL: fileURLToPath(new URL(".", import.meta.resolve("pyodide"))),
	env: { HOME: "/home/pyodide" },
});
pyodide.globals.set("commands", pyodide.toPy(commands));
const statuses = pyodide.runPython(
	"import os\n[os.system(command) for command in commands]",
) as { toJs(): number[] };
port.postMessage({
	statuses: statuses.toJs(),
	// the interpreter survived the calls
	after: pyodide.runPython("6 * 7") as number,
});
