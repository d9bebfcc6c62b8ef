import type { Language } from "@app/contract";
import { WorkerRunner } from "./worker-runner.js";

export interface RunLimits {
	/** wall-clock budget for the whole run, timers included */
	timeoutMs: number;
	/** memory the snippet may allocate on top of the interpreter's own */
	memoryMb: number;
}

export type RunResult =
	| { status: "ok"; stdout: string; exact: boolean; durationMs: number }
	| { status: "error"; stdout: string; error: string; durationMs: number }
	| { status: "timeout"; stdout: string; durationMs: number }
	| { status: "memory"; stdout: string; durationMs: number };

/**
 * Runs untrusted snippets the way a learner's interpreter would and reports what they print.
 * `exact: false` means the output holds something the sandbox cannot render as the real
 * interpreter would (an Error's stack, a Promise's state), so it must not be used as an answer.
 */
export interface Sandbox {
	run(
		language: Language,
		code: string,
		limits?: Partial<RunLimits>,
	): Promise<RunResult>;
	/** starts the interpreters now instead of on first use */
	warm(languages?: readonly Language[]): Promise<void>;
	close(): Promise<void>;
}

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 2000, memoryMb: 64 };

const WORKER_FILES: Record<Language, string> = {
	javascript: "quickjs-worker",
	python: "pyodide-worker",
};

/** Creates a sandbox with one warm worker thread per language, started on first use. */
export function createSandbox(defaults: Partial<RunLimits> = {}): Sandbox {
	const limits = { ...DEFAULT_LIMITS, ...defaults };
	const runners = new Map<Language, WorkerRunner>();
	const runnerFor = (language: Language) => {
		let runner = runners.get(language);
		if (!runner) {
			runner = new WorkerRunner(WORKER_FILES[language], language === "python");
			runners.set(language, runner);
		}
		return runner;
	};
	return {
		run: (language, code, override) =>
			runnerFor(language).run(code, { ...limits, ...override }),
		warm: async (languages = ["javascript", "python"]) => {
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
