const WASM_PAGE = 65536;

/** The part of WebAssembly.Memory we touch (the DOM lib, which declares it, is not loaded here). */
interface WasmMemory {
	readonly buffer: ArrayBuffer;
	grow(deltaPages: number): number;
}
const { Memory } = (
	globalThis as unknown as {
		WebAssembly: { Memory: { prototype: WasmMemory } };
	}
).WebAssembly;

/**
 * Makes WebAssembly memories in this worker refuse to grow past baseline + allowance. Emscripten
 * treats a refused grow as out-of-memory, so the interpreter raises its own memory error.
 */
export function capMemoryGrowth() {
	let baseline = 0;
	let allowanceBytes = Number.POSITIVE_INFINITY;
	const grow = Memory.prototype.grow;
	Memory.prototype.grow = function (this: WasmMemory, deltaPages: number) {
		if (
			this.buffer.byteLength + deltaPages * WASM_PAGE >
			baseline + allowanceBytes
		) {
			throw new RangeError("sandbox memory limit");
		}
		return grow.call(this, deltaPages);
	};
	return {
		setBaseline(bytes: number) {
			baseline = bytes;
		},
		setAllowance(megabytes: number) {
			allowanceBytes = megabytes * 1024 * 1024;
		},
	};
}

/** Globals a snippet that found a way into JavaScript could use to reach the host. */
const HOST_GLOBALS = [
	"process",
	"require",
	"fetch",
	"WebSocket",
	"XMLHttpRequest",
	"Deno",
	"Bun",
];

/** Removes host capabilities from this worker's global scope once the interpreter is loaded. */
export function hideHostGlobals(): void {
	const scope = globalThis as Record<string, unknown>;
	for (const name of HOST_GLOBALS) {
		try {
			delete scope[name];
		} catch {
			scope[name] = undefined;
		}
	}
}
