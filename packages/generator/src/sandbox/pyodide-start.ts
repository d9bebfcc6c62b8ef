import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
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
): Promise<{ pyodide: PyodideAPI; startedFrom: StartedFrom }> {
	const { loadPyodide } = await import("pyodide");
	if (snapshot) {
		try {
			const bytes = readFileSync(snapshot.path);
			const sha256 = createHash("sha256").update(bytes).digest("hex");
			if (sha256 !== snapshot.sha256)
				throw new Error("the snapshot is not the file its maker recorded");
			const pyodide = await loadPyodide({
				...options(),
				_loadSnapshot: bytes,
				createPyodideModule: (await sparseRestore()) as unknown as NonNullable<
					Parameters<typeof loadPyodide>[0]
				>["createPyodideModule"],
			});
			// Pyodide keeps its options, the snapshot among them, for good: detached, its 30 MB are freed
			structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
			return { pyodide, startedFrom: "snapshot" };
		} catch {
			// a normal load below; the server makes a new snapshot when it finds this one wrong
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

/** `bytes` starts on a multiple of 4. */
function isZero(bytes: Uint8Array): boolean {
	const words = new Uint32Array(
		bytes.buffer,
		bytes.byteOffset,
		bytes.length >>> 2,
	);
	for (const word of words) if (word !== 0) return false;
	for (let i = words.length * 4; i < bytes.length; i++)
		if (bytes[i] !== 0) return false;
	return true;
}

type CreateModule = (settings: unknown) => Promise<{
	API: { restoreSnapshot(snapshot: Uint8Array): unknown };
	HEAP8: Int8Array;
}>;

/**
 * Pyodide's own restore copies the whole saved heap into the new memory, zero pages too (half of
 * it), and every page it writes becomes resident. The new memory is already zero, so this restore
 * lets Pyodide check and read the header (its magic number, its build id, the JavaScript references)
 * and copies only the pages that hold something: about 16 MB less memory for each Python worker.
 */
async function sparseRestore(): Promise<CreateModule> {
	const { default: createModule } = (await import(
		pathToFileURL(`${indexURL}pyodide.asm.mjs`).href
	)) as { default: CreateModule };
	return async (settings) => {
		const module = await createModule(settings);
		const { API } = module;
		const restore = API.restoreSnapshot.bind(API);
		API.restoreSnapshot = (snapshot) => {
			// [magic, header length, ...]: Pyodide's layout (makeSnapshot in pyodide.asm.mjs)
			const headerBytes = new Uint32Array(
				snapshot.buffer,
				snapshot.byteOffset,
				2,
			)[1];
			if (headerBytes === undefined || headerBytes % 16 !== 0)
				throw new Error("malformed snapshot");
			const config = restore(snapshot.subarray(0, headerBytes));
			const heap = snapshot.subarray(headerBytes);
			const target = new Uint8Array(module.HEAP8.buffer);
			if (heap.length > target.length) throw new Error("snapshot too large");
			if (heap.byteOffset % 4 !== 0) target.set(heap);
			else
				for (let start = 0; start < heap.length; start += PAGE) {
					const page = heap.subarray(start, start + PAGE);
					if (!isZero(page)) target.set(page, start);
				}
			return config;
		};
		return module;
	};
}
