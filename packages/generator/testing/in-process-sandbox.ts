import { type Sandbox, sandboxOver } from "../src/sandbox/sandbox.js";
import { resolveLaunch } from "../src/sandbox/sandbox-launch.js";
import { createWorkerSandbox } from "../src/sandbox/worker-sandbox.js";

/**
 * The interpreters' worker threads in this very process, as they ran before the sandbox process
 * existed: no permission model, no IPC. Only for measuring what the sandbox process costs.
 */
export async function createInProcessSandbox(): Promise<Sandbox> {
	const { workers } = await resolveLaunch();
	return sandboxOver(createWorkerSandbox(workers));
}
