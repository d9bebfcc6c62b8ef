/**
 * The entry of the sandbox process: a Node process the server starts with the permission model
 * (no file writes, no child processes, reads only where the interpreters' files are) and an empty
 * environment. It runs the interpreters' worker threads and answers the server over IPC.
 */
import type { HostReply, HostRequest, WorkerFiles } from "./protocol.js";
import { createWorkerSandbox } from "./worker-sandbox.js";

const HEARTBEAT_MS = 1000;

const send = process.send?.bind(process);
if (!send) throw new Error("sandbox-host must be started with an IPC channel");
const reply = (message: HostReply) => {
	if (process.connected) send(message);
};

const files = JSON.parse(process.argv[2] ?? "{}") as WorkerFiles;
const sandbox = createWorkerSandbox(files);

process.on("message", (request: HostRequest) => {
	const work =
		request.type === "run"
			? sandbox.run(request).then((result) => ({ result }))
			: request.type === "batch"
				? sandbox.runBatch(request).then((results) => ({ results }))
				: sandbox.warm(request.languages, request).then(() => ({}));
	work.then(
		(answer) => reply({ type: "done", id: request.id, ...answer }),
		(error: unknown) =>
			reply({
				type: "done",
				id: request.id,
				error: error instanceof Error ? error.message : String(error),
			}),
	);
});

// the server is gone (or dropped us as hung): nothing here may outlive it
// Ctrl-C in a terminal and a service manager's stop signal the whole process group: the server
// decides when this process ends (it disconnects once its own requests are finished), so a
// generation in flight is not cut short under it
for (const signal of ["SIGINT", "SIGTERM"] as const)
	process.on(signal, () => {});

process.on("disconnect", () => {
	void sandbox.close().finally(() => process.exit(0));
});

setInterval(() => reply({ type: "heartbeat" }), HEARTBEAT_MS).unref();
reply({ type: "ready" });
