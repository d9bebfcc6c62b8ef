// A stand-in for an interpreter that a snippet escaped completely: it runs each snippet as plain
// Node code, with `require`, in a worker thread of the sandbox process. What the snippet still
// cannot do is what the sandbox process alone stops.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const require = createRequire(import.meta.url);
const AsyncFunction = (async () => {}).constructor;

parentPort.on("message", async (job) => {
	try {
		const value = await new AsyncFunction("require", job.code)(require);
		parentPort.postMessage({
			id: job.id,
			status: "ok",
			stdout: `${value}\n`,
			exact: true,
		});
	} catch (error) {
		parentPort.postMessage({
			id: job.id,
			status: "error",
			stdout: "",
			error: `${error.code ?? error.name}: ${error.message}`,
		});
	}
});
parentPort.postMessage({ ready: true });
