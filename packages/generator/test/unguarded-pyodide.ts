import { Worker } from "node:worker_threads";

export interface UnguardedOutcome {
	/** what Python's `os.system` returned for each command (a wait status) */
	statuses: number[];
	/** `6 * 7`, evaluated after the commands */
	after: number;
}

/**
 * Runs commands through `os.system` in a Pyodide that has the sandbox's host stand-ins but no
 * guard, so what the stand-ins do is seen without the audit hook in front of them.
 */
export async function runSystemUnguarded(
	commands: string[],
): Promise<UnguardedOutcome> {
	const url = new URL("./unguarded-pyodide-worker.ts", import.meta.url).href;
	// resolved here, not in the worker: an eval'd worker resolves from the working directory
	const tsx = import.meta.resolve("tsx/esm/api");
	const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
	const worker = new Worker(bootstrap, {
		eval: true,
		workerData: { commands },
	});
	try {
		return await new Promise<UnguardedOutcome>((resolve, reject) => {
			worker.once("message", resolve);
			worker.once("error", reject);
			worker.once("exit", (code) =>
				reject(new Error(`worker exited with code ${code} before answering`)),
			);
		});
	} finally {
		await worker.terminate();
	}
}
