import type { Language } from "@app/contract";
import { publish } from "../telemetry.js";
import type {
	RunLimits,
	RunResult,
	SnippetRunner,
	WarmOptions,
} from "./protocol.js";
import { SandboxProcess } from "./sandbox-process.js";

export type { RunLimits, RunResult } from "./protocol.js";
export { SandboxUnavailableError } from "./sandbox-process.js";

export interface RunOptions extends Partial<RunLimits> {
	/**
	 * Code we did not write (a model's): run it in an interpreter that no later snippet uses. The
	 * guard puts a Python interpreter's shared state back after each run, but CPython keeps state
	 * in more places than any guard can list (regex and codec caches, warning filters, ABC
	 * registries), and code that changed them would change what a later snippet prints.
	 */
	isolated?: boolean;
}

/**
 * Runs untrusted snippets the way a learner's interpreter would and reports what they print.
 * `exact: false` means the output holds something the sandbox cannot render as the real
 * interpreter would (an Error's stack, a Promise's state), so it must not be used as an answer.
 * A run the sandbox could not serve (its process died or hung) rejects with SandboxUnavailableError.
 */
export interface Sandbox {
	run(
		language: Language,
		code: string,
		options?: RunOptions,
	): Promise<RunResult>;
	/**
	 * Runs programs of one language as one request to the sandbox process, each as `run` would
	 * (its own interpreter state, limits and result), and resolves to their results in order. A
	 * program that hangs or crashes its interpreter gets its own timeout or error result.
	 */
	runBatch(
		language: Language,
		programs: readonly string[],
		options?: Partial<RunLimits>,
	): Promise<RunResult[]>;
	/** starts the interpreters now instead of on first use */
	warm(languages?: readonly Language[], options?: WarmOptions): Promise<void>;
	close(): Promise<void>;
}

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 2000, memoryMb: 64 };

export interface SandboxOptions {
	/** replaces the interpreters' worker files (file URLs); tests use it to test the process's own walls */
	workers?: Partial<Record<Language, string>>;
	/** silence after which the sandbox process is taken for hung and replaced (10 s) */
	hangAfterMs?: number;
}

/**
 * Creates a sandbox whose interpreters run in a separate Node process, started on first use with
 * the permission model, an empty environment and a throwaway working directory (see
 * sandbox-launch.ts); inside it, warm worker threads per language (worker-sandbox.ts).
 */
export function createSandbox(
	defaults: Partial<RunLimits> = {},
	options: SandboxOptions = {},
): Sandbox {
	return sandboxOver(
		new SandboxProcess(options.workers, options.hangAfterMs),
		defaults,
	);
}

/** The Sandbox interface over a runner, with these limits unless a run says otherwise. */
export function sandboxOver(
	runner: SnippetRunner,
	defaults: Partial<RunLimits> = {},
): Sandbox {
	const limits = { ...DEFAULT_LIMITS, ...defaults };
	const reported = (language: Language, result: RunResult) => {
		publish("sandboxRun", () => ({
			language,
			result: result.status,
			durationMs: result.durationMs,
		}));
		return result;
	};
	return {
		run: async (language, code, { isolated = false, ...override } = {}) =>
			reported(
				language,
				await runner.run({
					language,
					code,
					limits: { ...limits, ...override },
					isolated,
				}),
			),
		runBatch: async (language, programs, override = {}) =>
			programs.length === 0
				? []
				: (
						await runner.runBatch({
							language,
							programs: [...programs],
							limits: { ...limits, ...override },
						})
					).map((result) => reported(language, result)),
		warm: (languages = ["javascript", "python"], options = {}) =>
			runner.warm(languages, options),
		close: () => runner.close(),
	};
}
