const WASM_PAGE = 65536;
/** Emscripten's own ceiling for a 32-bit heap. */
const MAX_PAGES = 32768;

/** The part of WebAssembly.Memory we touch (the DOM lib, which declares it, is not loaded here). */
export interface WasmMemory {
	readonly buffer: ArrayBuffer;
	grow(deltaPages: number): number;
}
const { Memory } = (
	globalThis as unknown as {
		WebAssembly: {
			Memory: {
				new (descriptor: { initial: number; maximum: number }): WasmMemory;
				prototype: WasmMemory;
			};
		};
	}
).WebAssembly;

/**
 * Makes WebAssembly memories in this worker refuse to grow past baseline + allowance. Emscripten
 * treats a refused grow as out-of-memory, so the interpreter raises its own memory error.
 * `exceeded` tells whether a grow was refused since the allowance was last set.
 */
export function capMemoryGrowth() {
	let baseline = 0;
	let allowanceBytes = Number.POSITIVE_INFINITY;
	let exceeded = false;
	const grow = Memory.prototype.grow;
	Memory.prototype.grow = function (this: WasmMemory, deltaPages: number) {
		if (
			this.buffer.byteLength + deltaPages * WASM_PAGE >
			baseline + allowanceBytes
		) {
			exceeded = true;
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
			exceeded = false;
		},
		get exceeded() {
			return exceeded;
		},
	};
}

/** A WebAssembly memory to hand an Emscripten module (its `wasmMemory` option), so its size is known. */
export function newWasmMemory(initialMb: number): WasmMemory {
	return new Memory({
		initial: (initialMb * 1024 * 1024) / WASM_PAGE,
		maximum: MAX_PAGES,
	});
}

/** Globals a snippet that found a way into JavaScript could use to reach the host. */
const HOST_GLOBALS = [
	"process",
	"require",
	"fetch",
	"WebSocket",
	"XMLHttpRequest",
	"EventSource",
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

/**
 * Makes `eval` and every Function constructor throw in this worker. Any JavaScript value an
 * interpreter's bridge hands out leads to `Function` through `.constructor`, and compiled source
 * can `import()` Node's modules; without code generation a value is only a value. Call it after
 * the interpreter is loaded (Emscripten compiles its glue with `eval` while loading).
 */
export function forbidCodeGeneration(): void {
	const refuse = () => {
		throw new EvalError("code generation is disabled in the sandbox");
	};
	const intrinsics: { prototype: object }[] = [
		Function,
		Object.getPrototypeOf(async () => {}).constructor,
		Object.getPrototypeOf(function* () {}).constructor,
		Object.getPrototypeOf(async function* () {}).constructor,
	];
	for (const intrinsic of intrinsics) {
		// keeps `instanceof` and `fn.constructor === Function` working
		const stub = function constructorRefused() {
			refuse();
		};
		Object.defineProperty(stub, "prototype", { value: intrinsic.prototype });
		Object.defineProperty(intrinsic.prototype, "constructor", {
			value: stub,
			writable: false,
			configurable: false,
		});
		if (intrinsic === Function)
			Object.defineProperty(globalThis, "Function", {
				value: stub,
				writable: false,
				configurable: false,
			});
	}
	Object.defineProperty(globalThis, "eval", {
		value: refuse,
		writable: false,
		configurable: false,
	});
}
