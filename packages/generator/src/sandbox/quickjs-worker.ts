import { parentPort } from "node:worker_threads";
import {
	newQuickJSWASMModule,
	newVariant,
	type QuickJSContext,
	type QuickJSHandle,
	RELEASE_SYNC,
} from "quickjs-emscripten";
import { formatMirror, type MirrorNode } from "./node-format.js";
import { type JobOutcome, MAX_OUTPUT_CHARS, type RunJob } from "./protocol.js";
import { QUICKJS_PRELUDE } from "./quickjs-prelude.js";
import { capMemoryGrowth, newWasmMemory } from "./worker-hardening.js";

const port = parentPort;
if (!port) throw new Error("quickjs-worker must run in a worker thread");

// QuickJS's own runtime.setMemoryLimit does not hold in this build: without malloc_usable_size it
// charges every allocation its 8-byte header, so an array of a million elements costs 8 bytes. The
// limit that holds is a cap on the WebAssembly memory the whole interpreter lives in.
const limit = capMemoryGrowth();
const memory = newWasmMemory(16);
const quickjs = await newQuickJSWASMModule(
	newVariant(RELEASE_SYNC, { wasmMemory: memory }),
);
limit.setBaseline(memory.buffer.byteLength);
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

function runJob(job: RunJob): JobOutcome {
	const runtime = quickjs.newRuntime();
	const deadline = Date.now() + job.timeoutMs;
	let stdout = "";
	let exact = !NAMES_NODE_MODULE_SCOPE.test(job.code);
	let overflow = false;
	limit.setAllowance(job.memoryMb);
	runtime.setMaxStackSize(STACK_BYTES);
	runtime.setInterruptHandler(() => overflow || Date.now() > deadline);
	const vm = runtime.newContext();
	const append = (text: string) => {
		stdout += text;
		if (stdout.length > MAX_OUTPUT_CHARS) overflow = true;
	};

	const finish = (failure?: Failure): JobOutcome => {
		if (overflow)
			return {
				id: job.id,
				status: "error",
				stdout,
				error: "output limit exceeded",
				exact: false,
			};
		if (!failure) return { id: job.id, status: "ok", stdout, exact };
		if (failure.name === "InternalError" && failure.message === "interrupted")
			return {
				id: job.id,
				status: "timeout",
				stdout,
				error: "time limit exceeded",
			};
		// QuickJS cannot always allocate its own out-of-memory error: the refused grow is the evidence
		if (
			limit.exceeded ||
			(failure.name === "InternalError" && failure.message === "out of memory")
		)
			return {
				id: job.id,
				status: "memory",
				stdout,
				error: "memory limit exceeded",
			};
		return {
			id: job.id,
			status: "error",
			stdout,
			error: `${failure.name}: ${failure.message}`,
			...(failure.raised ? { raised: failure.raised } : {}),
			exact,
		};
	};

	const log = vm.newFunction("log", (stream, json) => {
		const mirrored = JSON.parse(vm.getString(json)) as {
			nodes: MirrorNode[];
			exact: boolean;
			quiet: boolean;
		};
		// what goes to stderr is not kept, but Node may run the snippet's code while formatting it
		if (vm.getString(stream) !== "stdout") {
			if (!mirrored.quiet) exact = false;
			return;
		}
		if (!mirrored.exact) exact = false;
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
	// Node would load the module; the sandbox has none to give
	runtime.setModuleLoader((name) => {
		exact = false;
		return { error: new Error(`Cannot find module '${name}'`) };
	});

	const driver: QuickJSHandle[] = [];
	// set once the prelude has given the driver: names what the snippet threw
	let raisedName: QuickJSHandle | undefined;
	const thrown = (handle: QuickJSHandle) =>
		describeError(vm, handle, raisedName);
	const call = (method: QuickJSHandle): boolean | Failure => {
		const result = vm.callFunction(method, vm.undefined);
		if (result.error) return thrown(result.error);
		const value = vm.getNumber(result.value) === 1;
		result.value.dispose();
		return value;
	};

	/** Marks the output inexact when the snippet changed what Node's own output would show. */
	const checkExact = (): Failure | undefined => {
		const finishing = driver[3];
		// the comparison of every built-in costs about a millisecond: only an exact run needs it
		if (!exact || !finishing) return undefined;
		const intact = call(finishing);
		if (typeof intact === "object") return intact;
		if (!intact) exact = false;
		return undefined;
	};

	const drive = (): Failure | undefined => {
		const setup = vm.evalCode(QUICKJS_PRELUDE, "prelude.js");
		const started = setup.error
			? setup
			: vm.callFunction(setup.value, vm.undefined, log, write, isPromise);
		if (!setup.error) setup.value.dispose();
		for (const handle of [log, write, isPromise]) handle.dispose();
		if (started.error) return describeError(vm, started.error);
		// the driver stays with the host: a snippet can neither call nor replace it
		for (const name of [
			"start",
			"runTicks",
			"runNextTimer",
			"finish",
			"raised",
		])
			driver.push(vm.getProp(started.value, name));
		started.value.dispose();
		const [start, runTicks, runNextTimer] = driver as [
			QuickJSHandle,
			QuickJSHandle,
			QuickJSHandle,
		];
		raisedName = driver[4];
		const source = asCommonJsModule(job.code);
		const main = vm.evalCode(`(${source})`, "main.js");
		if (main.error) return thrown(main.error);
		const sourceHandle = vm.newString(source);
		const ran = vm.callFunction(start, vm.undefined, main.value, sourceHandle);
		sourceHandle.dispose();
		main.value.dispose();
		if (ran.error) return thrown(ran.error);
		ran.value.dispose();
		for (;;) {
			// drain ticks and promise jobs until both are empty, then run one timer, as Node's loop does
			for (;;) {
				const ticked = call(runTicks);
				if (typeof ticked === "object") return ticked;
				const jobs = runtime.executePendingJobs();
				if (jobs.error) return thrown(jobs.error);
				if (!ticked && jobs.value === 0) break;
			}
			const timer = call(runNextTimer);
			if (typeof timer === "object") return timer;
			if (!timer) break;
		}
		return checkExact();
	};

	/** The run's failure; an uncaught Error's output is checked as a finished run's is. */
	const run = (): Failure | undefined => {
		const failure = drive();
		if (failure?.raised === undefined) return failure;
		return checkExact() ?? failure;
	};

	let outcome: JobOutcome;
	try {
		outcome = finish(run());
	} catch (error) {
		// the host side of quickjs-emscripten needs heap too; without it the failure is the memory's
		if (!limit.exceeded) throw error;
		outcome = finish({ name: "InternalError", message: "out of memory" });
	}
	try {
		for (const handle of driver) handle.dispose();
		vm.dispose();
		runtime.dispose();
	} catch {
		return { ...outcome, recycle: true };
	}
	// quickjs-emscripten does not check its own allocations, so after the heap ran out the host
	// replaces this worker rather than trust its allocator
	return limit.exceeded ? { ...outcome, recycle: true } : outcome;
}

port.on("message", (job: RunJob) => {
	port.postMessage(runJob(job));
});
port.postMessage({ ready: true });
