import type { Language } from "@app/contract";
import type { RunRequest, RunResult, WorkerFiles } from "./protocol.js";
import { WorkerRunner } from "./worker-runner.js";

/** The interpreters of one process: one warm worker thread per language, run one job at a time. */
export interface WorkerSandbox {
	run(request: RunRequest): Promise<RunResult>;
	warm(languages: readonly Language[]): Promise<void>;
	close(): Promise<void>;
}

/**
 * Runs snippets in worker threads of this process, started on first use. Isolated Python runs get
 * a worker of their own that is replaced (and the successor warmed) after every run; QuickJS
 * already gives every run a fresh runtime. The server never calls this directly: it runs inside
 * the sandbox process (sandbox-host.ts), where the permission model walls the workers in.
 */
export function createWorkerSandbox(files: WorkerFiles): WorkerSandbox {
	const runners = new Map<string, WorkerRunner>();
	const runnerFor = (language: Language, isolated = false) => {
		const oneRunEach = isolated && language === "python";
		const key = oneRunEach ? `${language}:isolated` : language;
		let runner = runners.get(key);
		if (!runner) {
			runner = new WorkerRunner(
				new URL(files.bootstrap),
				new URL(files[language]),
				{
					interruptible: language === "python",
					oneRunEach,
				},
			);
			runners.set(key, runner);
		}
		return runner;
	};
	return {
		run: ({ language, code, limits, isolated }) =>
			runnerFor(language, isolated).run(code, limits),
		warm: async (languages) => {
			await Promise.all(
				languages.map((language) => runnerFor(language).start()),
			);
		},
		close: async () => {
			await Promise.all([...runners.values()].map((runner) => runner.close()));
			runners.clear();
		},
	};
}
