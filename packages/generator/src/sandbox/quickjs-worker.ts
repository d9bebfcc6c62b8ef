import { Buffer } from "node:buffer";
import { parentPort, workerData } from "node:worker_threads";
import {
	newQuickJSWASMModule,
	newVariant,
	type QuickJSContext,
	type QuickJSHandle,
	RELEASE_SYNC,
} from "quickjs-emscripten";
import { formatMirror, type MirrorNode } from "./node-format.js";
import {
	type JobOutcome,
	MAX_OUTPUT_CHARS,
	type RunJob,
	type WorkerData,
} from "./protocol.js";
import { QUICKJS_PRELUDE } from "./quickjs-prelude.js";
import { capMemoryGrowth, newWasmMemory } from "./worker-hardening.js";

const port = parentPort;
if (!port) throw new Error("quickjs-worker must run in a worker thread");

// QuickJS's own runtime.setMemoryLimit does not hold in this build: without malloc_usable_size it
// charges every allocation its 8-byte header, so an array of a million elements costs 8 bytes. The
// limit that holds is a cap on the WebAssembly memory the whole interpreter lives in.
const limit = capMemoryGrowth();
const memory = newWasmMemory(16);
const { wasmModule } = workerData as WorkerData;
const quickjs = await newQuickJSWASMModule(
	newVariant(RELEASE_SYNC, {
		wasmMemory: memory,
		...(wasmModule ? { wasmModule } : {}),
	}),
);
const STACK_BYTES = 512 * 1024;

/**
 * Node runs a `.js` file as the body of this function (a CommonJS module): top-level `this` is
 * `module.exports` and top-level `var`s stay local. The prelude's `start` calls it.
 */
const asCommonJsModule = (code: string) =>
	`function (exports, require, module, __filename, __dirname) {\n${code}\n}`;

/** Node's require loads real modules and its paths are the real file's; the sandbox has neither. */
const NAMES_NODE_MODULE_SCOPE = /\b(?:require|__filename|__dirname)\b/;

/** How a run failed; `raised` is the name of an Error the snippet threw (the prelude's `raised`). */
interface Failure {
	name: string;
	message: string;
	raised?: string;
}

function describeError(
	vm: QuickJSContext,
	handle: QuickJSHandle,
	raisedName?: QuickJSHandle,
): Failure {
	const raised = raisedName && nameOfRaised(vm, raisedName, handle);
	const dumped = vm.dump(handle) as unknown;
	handle.dispose();
	const named = raised ? { raised } : {};
	if (dumped && typeof dumped === "object") {
		const { name, message } = dumped as { name?: unknown; message?: unknown };
		return {
			name: String(name ?? "Error"),
			message: String(message ?? ""),
			...named,
		};
	}
	return { name: "Uncaught", message: String(dumped), ...named };
}

function nameOfRaised(
	vm: QuickJSContext,
	raisedName: QuickJSHandle,
	thrown: QuickJSHandle,
): string | undefined {
	const result = vm.callFunction(raisedName, vm.undefined, thrown);
	if (result.error) {
		result.error.dispose();
		return undefined;
	}
	const name =
		vm.typeof(result.value) === "string" ? vm.getString(result.value) : "";
	result.value.dispose();
	return name || undefined;
}

/** The run in progress, which the host functions and the interrupt handler read. */
interface Current {
	deadline: number;
	stdout: string;
	exact: boolean;
	overflow: boolean;
}
let current: Current = {
	deadline: Number.POSITIVE_INFINITY,
	stdout: "",
	exact: true,
	overflow: false,
};

/**
 * One runtime and context, set up once with the prelude (whose compilation is most of a run's
 * cost), then imaged: every run starts from that image, so it gets the very interpreter a fresh
 * set-up would give, and nothing a run did (globals, prototypes, heap contents) reaches the next.
 */
const runtime = quickjs.newRuntime();
runtime.setMaxStackSize(STACK_BYTES);
runtime.setInterruptHandler(
	() => current.overflow || Date.now() > current.deadline,
);
// Node would load the module; the sandbox has none to give
runtime.setModuleLoader((name) => {
	current.exact = false;
	return { error: new Error(`Cannot find module '${name}'`) };
});
const vm = runtime.newContext();

const append = (text: string) => {
	current.stdout += text;
	if (current.stdout.length > MAX_OUTPUT_CHARS) current.overflow = true;
};
const log = vm.newFunction("log", (stream, json) => {
	const mirrored = JSON.parse(vm.getString(json)) as {
		nodes: MirrorNode[];
		exact: boolean;
		quiet: boolean;
	};
	// what goes to stderr is not kept, but Node may run the snippet's code while formatting it
	if (vm.getString(stream) !== "stdout") {
		if (!mirrored.quiet) current.exact = false;
		return;
	}
	if (!mirrored.exact) current.exact = false;
	append(`${formatMirror(mirrored.nodes)}\n`);
});
const write = vm.newFunction("write", (text) => {
	append(vm.getString(text));
});
const isPromise = vm.newFunction("isPromise", (value) => {
	const state = vm.getPromiseState(value);
	if (state.type === "fulfilled" && state.notAPromise) return vm.false;
	if (state.type === "fulfilled") state.value.dispose();
	if (state.type === "rejected") state.error.dispose();
	return vm.true;
});

/** The prelude's driver; it stays with the host: a snippet can neither call nor replace it. */
const driver = (() => {
	const setup = vm.unwrapResult(vm.evalCode(QUICKJS_PRELUDE, "prelude.js"));
	const started = vm.unwrapResult(
		vm.callFunction(setup, vm.undefined, log, write, isPromise),
	);
	setup.dispose();
	const [start, runTicks, runNextTimer, finish, raised] = [
		"start",
		"runTicks",
		"runNextTimer",
		"finish",
		"raised",
	].map((name) => vm.getProp(started, name)) as [
		QuickJSHandle,
		QuickJSHandle,
		QuickJSHandle,
		QuickJSHandle,
		QuickJSHandle,
	];
	started.dispose();
	return { start, runTicks, runNextTimer, finish, raised };
})();

/** A stretch of the interpreter's memory as it was once the prelude had set up, and where it goes. */
interface Segment {
	at: number;
	bytes: Uint8Array;
}

const PAGE = 65536;
/**
 * Emscripten lays the memory out as static data, then the C stack (5 MB), then the heap. A zero
 * stretch this long between parts in use is the stack's unused part, which no C code reads before
 * writing it (the stack is free between calls), so it need not be put back; nor need the memory
 * past the heap's last page in use, which the allocator has not handed out (and calloc clears).
 * Shorter zero stretches are kept with their segment.
 */
const GAP = 32 * PAGE;
/**
 * Kept after a segment that a gap follows: static data ends in its zero-initialized part, which
 * may be whole zero pages that a run then writes.
 */
const MARGIN = 16 * PAGE;

/**
 * The parts of the memory that hold the interpreter's state (static data, and the heap up to its
 * last page in use): restoring them (restore below) gives the next run the interpreter exactly as
 * the set-up left it.
 */
function imageOf(bytes: Uint8Array): Segment[] {
	const zero = Buffer.alloc(PAGE);
	const pages = bytes.length / PAGE;
	const used: number[] = [];
	for (let page = 0; page < pages; page++)
		if (!zero.equals(bytes.subarray(page * PAGE, (page + 1) * PAGE)))
			used.push(page);
	const segments: Segment[] = [];
	let start = used[0] ?? 0;
	for (const [i, page] of used.entries()) {
		const next = used[i + 1];
		if (next !== undefined && (next - page) * PAGE <= GAP) continue;
		const end =
			next === undefined ? (page + 1) * PAGE : (page + 1) * PAGE + MARGIN;
		segments.push({ at: start * PAGE, bytes: bytes.slice(start * PAGE, end) });
		if (next !== undefined) start = next;
	}
	return segments;
}

limit.setBaseline(memory.buffer.byteLength);
const image = imageOf(new Uint8Array(memory.buffer));

function restore(): void {
	const bytes = new Uint8Array(memory.buffer);
	for (const segment of image) bytes.set(segment.bytes, segment.at);
}

/** Runs the job from the image; the interpreter is restored whether it finished or failed. */
function runJob(job: RunJob): JobOutcome {
	current = {
		deadline: Date.now() + job.timeoutMs,
		stdout: "",
		exact: !NAMES_NODE_MODULE_SCOPE.test(job.code),
		overflow: false,
	};
	limit.setAllowance(job.memoryMb);
	let outcome: JobOutcome;
	try {
		outcome = finish(job.id, run(job.code));
	} catch (error) {
		// the host side of quickjs-emscripten needs heap too; without it the failure is the memory's
		if (!limit.exceeded) throw error;
		outcome = finish(job.id, {
			name: "InternalError",
			message: "out of memory",
		});
	}
	restore();
	// quickjs-emscripten does not check its own allocations, so after the heap ran out the host
	// replaces this worker rather than trust its allocator
	return limit.exceeded ? { ...outcome, recycle: true } : outcome;
}

function finish(id: number, failure?: Failure): JobOutcome {
	const { stdout, exact } = current;
	if (current.overflow)
		return {
			id,
			status: "error",
			stdout,
			error: "output limit exceeded",
			exact: false,
		};
	if (!failure) return { id, status: "ok", stdout, exact };
	if (failure.name === "InternalError" && failure.message === "interrupted")
		return { id, status: "timeout", stdout, error: "time limit exceeded" };
	// QuickJS cannot always allocate its own out-of-memory error: the refused grow is the evidence
	if (
		limit.exceeded ||
		(failure.name === "InternalError" && failure.message === "out of memory")
	)
		return { id, status: "memory", stdout, error: "memory limit exceeded" };
	return {
		id,
		status: "error",
		stdout,
		error: `${failure.name}: ${failure.message}`,
		...(failure.raised ? { raised: failure.raised } : {}),
		exact,
	};
}

const thrown = (handle: QuickJSHandle) =>
	describeError(vm, handle, driver.raised);

/** Calls a driver method that answers 0 or 1. */
function call(method: QuickJSHandle): boolean | Failure {
	const result = vm.callFunction(method, vm.undefined);
	if (result.error) return thrown(result.error);
	const value = vm.getNumber(result.value) === 1;
	result.value.dispose();
	return value;
}

/** Marks the output inexact when the snippet changed what Node's own output would show. */
function checkExact(): Failure | undefined {
	// the comparison of every built-in costs about a millisecond: only an exact run needs it
	if (!current.exact) return undefined;
	const intact = call(driver.finish);
	if (typeof intact === "object") return intact;
	if (!intact) current.exact = false;
	return undefined;
}

function drive(code: string): Failure | undefined {
	const source = asCommonJsModule(code);
	const main = vm.evalCode(`(${source})`, "main.js");
	if (main.error) return thrown(main.error);
	const sourceHandle = vm.newString(source);
	const ran = vm.callFunction(
		driver.start,
		vm.undefined,
		main.value,
		sourceHandle,
	);
	sourceHandle.dispose();
	main.value.dispose();
	if (ran.error) return thrown(ran.error);
	ran.value.dispose();
	for (;;) {
		// drain ticks and promise jobs until both are empty, then run one timer, as Node's loop does
		for (;;) {
			const ticked = call(driver.runTicks);
			if (typeof ticked === "object") return ticked;
			const jobs = runtime.executePendingJobs();
			if (jobs.error) return thrown(jobs.error);
			if (!ticked && jobs.value === 0) break;
		}
		const timer = call(driver.runNextTimer);
		if (typeof timer === "object") return timer;
		if (!timer) break;
	}
	return checkExact();
}

/** The run's failure; an uncaught Error's output is checked as a finished run's is. */
function run(code: string): Failure | undefined {
	const failure = drive(code);
	if (failure?.raised === undefined) return failure;
	return checkExact() ?? failure;
}

port.on("message", (job: RunJob) => {
	port.postMessage(runJob(job));
});
port.postMessage({ ready: true });
