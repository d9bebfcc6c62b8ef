import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { PyodideAPI } from "pyodide";
import type { PyDict } from "pyodide/ffi";

/**
 * How a sandbox interpreter loads Pyodide, shared by the worker (pyodide-worker.ts) and the process
 * that makes its memory snapshot (pyodide-snapshot-maker.ts): an interpreter started from a
 * snapshot must be the one a normal load would give, so both load it with these options.
 */

/** Where the worker finds the snapshot and the SHA-256 its maker recorded (both from the server). */
export interface SnapshotSource {
	path: string;
	sha256: string;
}

/** How the interpreter started, which the worker reports in its ready message. */
export type StartedFrom = "snapshot" | "load";

/**
 * Run in the maker before the snapshot is taken: the modules python-guard.py imports, then a
 * collection and a freeze of what Pyodide's start-up left, so that the guard's own collection at
 * the start of every worker has almost nothing to look at. The guard itself runs after the
 * snapshot, in every worker: its refusals (the audit hook, the removed bridge modules) would
 * refuse Pyodide's own start-up, which imports them again once the memory is restored.
 */
const PRELUDE = `
import builtins, gc, itertools, operator, os, signal, sys
from types import SimpleNamespace
from _pyodide._core_docs import JsProxy
gc.collect()
gc.freeze()
`;

// explicit, because Pyodide guesses its folder from the caller's location, which is wrong in a worker
const indexURL = fileURLToPath(new URL(".", import.meta.resolve("pyodide")));

function options() {
	return {
		indexURL,
		env: { HOME: "/home/pyodide" },
		// Python's `js` module is this empty object instead of the thread's globalThis
		jsglobals: Object.freeze(Object.create(null)),
	};
}

/**
 * Loads the interpreter from the snapshot when there is one and it is the very file its maker
 * recorded; otherwise (none, unreadable, altered, from another build) as usual. Never fails for
 * the snapshot's sake.
 */
export async function startPyodide(
	snapshot: SnapshotSource | undefined,
	compiled?: WebAssembly.Module,
): Promise<{ pyodide: PyodideAPI; startedFrom: StartedFrom }> {
	const restoreInstantiate = compiled ? instantiateFrom(compiled) : () => {};
	try {
		return await load(snapshot);
	} finally {
		restoreInstantiate();
	}
}

/**
 * Makes Pyodide's loader instantiate this module, which the sandbox process compiled once for all
 * of its Python workers, instead of compiling its 10 MB of WebAssembly again: the worker saves the
 * compile, and starts with the code V8 optimized while earlier workers ran. Answers how to undo it.
 */
function instantiateFrom(compiled: WebAssembly.Module): () => void {
	const wasm = (
		globalThis as unknown as {
			WebAssembly: {
				instantiate(source: unknown, imports?: unknown): Promise<unknown>;
			};
		}
	).WebAssembly;
	const { instantiate } = wasm;
	wasm.instantiate = (source, imports) =>
		// Pyodide's own binary, the one large module its loader instantiates from bytes
		ArrayBuffer.isView(source) && source.byteLength > 1 << 20
			? instantiate
					.call(wasm, compiled, imports)
					.then((instance) => ({ instance, module: compiled }))
			: instantiate.call(wasm, source, imports);
	return () => {
		wasm.instantiate = instantiate;
	};
}

async function load(
	snapshot: SnapshotSource | undefined,
): Promise<{ pyodide: PyodideAPI; startedFrom: StartedFrom }> {
	const { loadPyodide } = await import("pyodide");
	if (snapshot) {
		let file: number | undefined;
		try {
			file = openSync(snapshot.path, "r");
			const restore = await streamedRestore(file, snapshot.sha256);
			const pyodide = await loadPyodide({
				...options(),
				_loadSnapshot: restore.header,
				createPyodideModule: restore.createModule as unknown as NonNullable<
					Parameters<typeof loadPyodide>[0]
				>["createPyodideModule"],
			});
			return { pyodide, startedFrom: "snapshot" };
		} catch {
			// a normal load below; the server makes a new snapshot when it finds this one wrong
		} finally {
			if (file !== undefined) closeSync(file);
		}
	}
	return { pyodide: await loadPyodide(options()), startedFrom: "load" };
}

/** Loads the interpreter as the worker does and takes its memory snapshot. Only our code has run in it. */
export async function makeSnapshot(): Promise<Uint8Array> {
	const { loadPyodide } = await import("pyodide");
	const pyodide = await loadPyodide({ ...options(), _makeSnapshot: true });
	const scope = pyodide.toPy({}) as PyDict;
	pyodide.runPython(PRELUDE, { globals: scope });
	scope.destroy();
	return pyodide.makeMemorySnapshot();
}

const PAGE = 65536;
/** Pyodide's header: a magic number, its length, the JSON's, 0, the build id, then that JSON. */
const MAX_HEADER_BYTES = 1 << 20;

type CreateModule = (settings: unknown) => Promise<{
	API: { restoreSnapshot(snapshot: Uint8Array): unknown };
	HEAP8: Int8Array;
}>;

/**
 * Pyodide's own restore wants the whole file in memory (30 MB, which the allocator keeps once
 * freed) and copies all of it into the new heap, zero pages too (half of it), making every page
 * resident. Here Pyodide gets the header alone, which it checks (its magic number, its build id)
 * and reads (the JavaScript references); the heap is then read from the file a page at a time,
 * and only the pages that hold something are copied, the new memory being zero already. Every
 * byte read is hashed: a file that is not the one its maker recorded throws before any of it
 * runs, and the worker loads Pyodide as usual.
 */
async function streamedRestore(file: number, sha256: string) {
	const hash = createHash("sha256");
	const read = (into: Uint8Array, length = into.length) => {
		let done = 0;
		while (done < length) {
			const count = readSync(file, into, done, length - done, null);
			if (count === 0) throw new Error("the snapshot is truncated");
			done += count;
		}
		hash.update(into.subarray(0, length));
	};
	const start = new Uint8Array(8);
	read(start);
	const headerBytes = new DataView(start.buffer).getUint32(4, true);
	const heapBytes = fstatSync(file).size - headerBytes;
	if (
		headerBytes % 16 !== 0 ||
		headerBytes < 48 ||
		headerBytes > MAX_HEADER_BYTES ||
		heapBytes <= 0
	)
		throw new Error("malformed snapshot");
	// its own buffer at offset 0: Pyodide reads it through a Uint32Array
	const header = new Uint8Array(headerBytes);
	header.set(start);
	read(header.subarray(8));
	const { default: createModule } = (await import(
		pathToFileURL(`${indexURL}pyodide.asm.mjs`).href
	)) as { default: CreateModule };
	const createWithRestore: CreateModule = async (settings) => {
		const module = await createModule(settings);
		const { API } = module;
		const restore = API.restoreSnapshot.bind(API);
		API.restoreSnapshot = (given) => {
			const config = restore(given);
			const heap = new Uint8Array(module.HEAP8.buffer);
			if (heapBytes > heap.length) throw new Error("the snapshot is too large");
			const page = new Uint8Array(PAGE);
			for (let offset = 0; offset < heapBytes; offset += PAGE) {
				const length = Math.min(PAGE, heapBytes - offset);
				read(page, length);
				if (!isZero(page, length)) heap.set(page.subarray(0, length), offset);
			}
			if (hash.digest("hex") !== sha256)
				throw new Error("the snapshot is not the file its maker recorded");
			return config;
		};
		return module;
	};
	return { header, createModule: createWithRestore };
}

function isZero(bytes: Uint8Array, length: number): boolean {
	const words = new Uint32Array(bytes.buffer, bytes.byteOffset, length >>> 2);
	for (const word of words) if (word !== 0) return false;
	for (let i = words.length * 4; i < length; i++)
		if (bytes[i] !== 0) return false;
	return true;
}
