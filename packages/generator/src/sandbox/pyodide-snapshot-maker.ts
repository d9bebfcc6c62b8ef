/**
 * The entry of the process that makes the Python worker's memory snapshot (pyodide-snapshot.ts
 * starts it): launched as the sandbox process is (the permission model, an empty environment),
 * with the same stand-ins as a worker thread, so that the interpreter it saves is the one a worker
 * would load there. No snippet ever runs in it. It writes the snapshot to stdout and exits; it can
 * write no file.
 */
import { installHostStandIns } from "./host-stand-ins.js";
import { makeSnapshot } from "./pyodide-start.js";

installHostStandIns();
// as in pyodide-worker.ts: Emscripten would name the program after this script's host path
process.argv.splice(1);

const snapshot = await makeSnapshot();
process.stdout.write(snapshot, (error) => {
	process.exit(error ? 1 : 0);
});
