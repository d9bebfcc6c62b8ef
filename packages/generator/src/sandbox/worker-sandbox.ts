import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import type { Language } from "@app/contract";
import type { SnippetRunner, WorkerFiles } from "./protocol.js";
import { WorkerRunner } from "./worker-runner.js";

/** Workers per language at most: one per core, so a generation's batch spreads over the machine. */
const CORES = Math.max(1, availableParallelism());

/**
 * How many workers a language may have, and how many stay started. QuickJS workers are light
 * (every run starts from an image of a fresh interpreter, a few MB each): one per core, past eight
 * more would only hold memory, and all stay. A Pyodide is a hundred MB: one stays, and the others
 * start only while Python runs queue behind the started ones, and stop after a minute without a
 * run, so an idle server holds one.
 */
const POOLS: Record<Language, { size: number; kept: number }> = {
	javascript: { size: Math.min(8, CORES), kept: Math.min(8, CORES) },
	python: { size: Math.min(4, CORES), kept: 1 },
};
/** An extra worker (past a pool's `kept`) stops after this long without a run. */
export const EXTRA_WORKER_IDLE_MS = 60_000;

/**
 * The QuickJS build's WebAssembly, compiled once: the workers instantiate it, and share the code
 * V8 optimizes while they run. Undefined when it cannot be found; each worker then compiles its own.
 */
/** WebAssembly.compile, which the ES and Node type libraries loaded here do not declare */
const { compile } = (
	globalThis as unknown as {
		WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> };
	}
).WebAssembly;

async function compileQuickJs(): Promise<WebAssembly.Module | undefined> {
	try {
		const quickjs = createRequire(import.meta.url).resolve(
			"quickjs-emscripten",
		);
		const wasm = createRequire(quickjs).resolve(
			"@jitl/quickjs-wasmfile-release-sync/wasm",
		);
		return await compile(await readFile(wasm));
	} catch {
		return undefined;
	}
}

/** Pyodide's WebAssembly, compiled once in the same way for the Python workers (pyodide-start.ts). */
async function compilePyodide(): Promise<WebAssembly.Module | undefined> {
	try {
		const wasm = createRequire(import.meta.url).resolve(
			"pyodide/pyodide.asm.wasm",
		);
		return await compile(await readFile(wasm));
	} catch {
		return undefined;
	}
}

/**
 * Runs snippets in worker threads of this process, started on first use. Isolated Python runs get
 * a worker of their own that is replaced (and the successor warmed) after every run; QuickJS
 * already gives every run a fresh interpreter, from its image. The server never calls this directly: it runs inside
 * the sandbox process (sandbox-host.ts), where the permission model walls the workers in.
 */
export function createWorkerSandbox(files: WorkerFiles): SnippetRunner {
	const runners = new Map<string, WorkerRunner[]>();
	// started with the sandbox, so the first JavaScript worker finds it compiled
	const quickjs = compileQuickJs();
	// on first use: a sandbox that runs no Python never compiles it
	let pyodide: Promise<WebAssembly.Module | undefined> | undefined;
	// isolated Python runs replace their worker after each run: one at a time
	const poolOf = (language: Language, oneRunEach: boolean) =>
		oneRunEach ? { size: 1, kept: 1 } : POOLS[language];
	const runnersFor = (language: Language, isolated = false) => {
		const oneRunEach = isolated && language === "python";
		const key = oneRunEach ? `${language}:isolated` : language;
		let pool = runners.get(key);
		if (!pool) {
			const { size, kept } = poolOf(language, oneRunEach);
			pool = Array.from(
				{ length: size },
				(_, index) =>
					new WorkerRunner(new URL(files.bootstrap), new URL(files[language]), {
						interruptible: language === "python",
						oneRunEach,
						...(index >= kept && { stopAfterIdleMs: EXTRA_WORKER_IDLE_MS }),
						...(language === "javascript"
							? { wasmModule: () => quickjs, youngGenerationMb: 4 }
							: { wasmModule: () => (pyodide ??= compilePyodide()) }),
					}),
			);
			runners.set(key, pool);
		}
		return pool;
	};
	/**
	 * The started worker with the fewest runs waiting (a generation sends a snippet and its mistakes
	 * at once), or the first one when none is started. When even that one has runs waiting, the
	 * next stopped worker starts, for the runs to come: a run never waits for a start that another
	 * worker could spare it.
	 */
	const runnerFor = (language: Language, isolated = false) => {
		const pool = runnersFor(language, isolated);
		const started = pool.filter((runner) => runner.ready);
		const chosen = (started.length ? started : pool.slice(0, 1)).reduce(
			(least, runner) => (runner.queued < least.queued ? runner : least),
		);
		if (chosen.queued > 0)
			pool
				.find((runner) => !runner.ready && !runner.booting)
				?.start()
				.catch(() => undefined);
		return chosen;
	};
	return {
		run: ({ language, code, limits, isolated }) =>
			runnerFor(language, isolated).run(code, limits),
		// one job per program: each is queued on the least busy worker, so a batch spreads over them
		runBatch: ({ language, programs, limits }) =>
			Promise.all(
				programs.map((code) => runnerFor(language).run(code, limits)),
			),
		// the workers each pool keeps; the others start under load
		warm: async (languages, { isolated = false } = {}) => {
			await Promise.all(
				languages.flatMap((language) =>
					[
						...runnersFor(language).slice(0, POOLS[language].kept),
						...(isolated ? runnersFor(language, true) : []),
					].map((runner) => runner.start()),
				),
			);
		},
		close: async () => {
			await Promise.all(
				[...runners.values()].flat().map((runner) => runner.close()),
			);
			runners.clear();
		},
	};
}
