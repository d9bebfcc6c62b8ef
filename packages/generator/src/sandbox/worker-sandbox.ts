import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import type { Language } from "@app/contract";
import type { SnippetRunner, WorkerFiles } from "./protocol.js";
import { WorkerRunner } from "./worker-runner.js";

/**
 * QuickJS workers are light (every run starts from an image of a fresh interpreter, a few MB each): one per core, so a batch
 * spreads over the machine; past eight, more would only hold memory. One Pyodide is a hundred MB
 * and seconds to start, so Python keeps one.
 */
const JAVASCRIPT_WORKERS = Math.min(8, Math.max(1, availableParallelism()));

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
	const runnersFor = (language: Language, isolated = false) => {
		const oneRunEach = isolated && language === "python";
		const key = oneRunEach ? `${language}:isolated` : language;
		let pool = runners.get(key);
		if (!pool) {
			const size = language === "javascript" ? JAVASCRIPT_WORKERS : 1;
			pool = Array.from(
				{ length: size },
				() =>
					new WorkerRunner(new URL(files.bootstrap), new URL(files[language]), {
						interruptible: language === "python",
						oneRunEach,
						...(language === "javascript"
							? { wasmModule: () => quickjs, youngGenerationMb: 4 }
							: { wasmModule: () => (pyodide ??= compilePyodide()) }),
					}),
			);
			runners.set(key, pool);
		}
		return pool;
	};
	// the worker with the fewest runs waiting: a generation sends a snippet and its mistakes at once
	const runnerFor = (language: Language, isolated = false) =>
		runnersFor(language, isolated).reduce((least, runner) =>
			runner.queued < least.queued ? runner : least,
		);
	return {
		run: ({ language, code, limits, isolated }) =>
			runnerFor(language, isolated).run(code, limits),
		// one job per program: each is queued on the least busy worker, so a batch spreads over them
		runBatch: ({ language, programs, limits }) =>
			Promise.all(
				programs.map((code) => runnerFor(language).run(code, limits)),
			),
		warm: async (languages, { isolated = false } = {}) => {
			await Promise.all(
				languages.flatMap((language) =>
					[
						...runnersFor(language),
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
