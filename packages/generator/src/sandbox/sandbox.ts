import type { Language } from "@app/contract";
import { WorkerRunner } from "./worker-runner.js";

export interface RunLimits {
	/** wall-clock budget for the whole run, timers included */
	timeoutMs: number;
	/** memory the snippet may allocate on top of the interpreter's own */
	memoryMb: number;
}

export interface RunOptions extends Partial<RunLimits> {
	/**
	 * Code we did not write (a model's): run it in an interpreter that no later snippet uses. The
	 * guard puts a Python interpreter's shared state back after each run, but CPython keeps state
	 * in more places than any guard can list (regex and codec caches, warning filters, ABC
	 * registries), and code that changed them would change what a later snippet prints.
	 */
	isolated?: boolean;
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
		options?: RunOptions,
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

/**
 * Creates a sandbox with one warm worker thread per language, started on first use. Isolated
 * Python runs get a worker of their own that is replaced (and the successor warmed) after every
 * run; QuickJS already gives every run a fresh runtime.
 */
export function createSandbox(defaults: Partial<RunLimits> = {}): Sandbox {
	const limits = { ...DEFAULT_LIMITS, ...defaults };
	const runners = new Map<string, WorkerRunner>();
	const runnerFor = (language: Language, isolated = false) => {
		const oneRunEach = isolated && language === "python";
		const key = oneRunEach ? `${language}:isolated` : language;
		let runner = runners.get(key);
		if (!runner) {
			runner = new WorkerRunner(WORKER_FILES[language], {
				interruptible: language === "python",
				oneRunEach,
			});
			runners.set(key, runner);
		}
		return runner;
	};
	return {
		run: (language, code, { isolated, ...override } = {}) =>
			runnerFor(language, isolated).run(code, { ...limits, ...override }),
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
