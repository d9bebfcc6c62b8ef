import { Worker } from "node:worker_threads";
import {
	type BootstrapData,
	type JobOutcome,
	MAX_OUTPUT_CHARS,
	type ReadyMessage,
	type RunJob,
	type RunLimits,
	type RunResult,
	type WorkerData,
} from "./protocol.js";

/** After the soft deadline the worker is asked to stop; after this much more it is killed. */
const KILL_GRACE_MS = 1000;
/** Loading Pyodide takes seconds on a busy machine; a worker that is not ready by then is broken. */
const START_TIMEOUT_MS = 60_000;

/** Starts a worker that loads its interpreter's file through the bootstrap (both compiled, or bundled by source-bundle.ts). */
function spawnWorker(
	bootstrap: URL,
	file: URL,
	workerData: WorkerData,
	youngGenerationMb?: number,
): Worker {
	return new Worker(bootstrap, {
		workerData: { ...workerData, file: file.href } satisfies BootstrapData,
		resourceLimits: {
			maxOldGenerationSizeMb: 256,
			...(youngGenerationMb
				? { maxYoungGenerationSizeMb: youngGenerationMb }
				: {}),
		},
	});
}

type Settled = JobOutcome | { id: number; status: "crashed"; error: string };

interface Pending {
	id: number;
	resolve: (outcome: Settled) => void;
}

/**
 * Owns one warm worker thread: runs one job at a time, enforces the deadline from the outside
 * (interrupt, then terminate), and replaces a worker that died or had to be killed. With
 * `stopAfterIdleMs` it stops its worker after that long without a run, and starts it again on
 * the next one.
 */
export class WorkerRunner {
	private worker: Worker | undefined;
	private starting: Promise<Worker> | undefined;
	private pending: Pending | undefined;
	private tail: Promise<unknown> = Promise.resolve();
	private nextId = 1;
	private inFlight = 0;
	private closed = false;
	private idleTimer: NodeJS.Timeout | undefined;
	private readonly interrupt = new SharedArrayBuffer(4);

	constructor(
		private readonly bootstrap: URL,
		private readonly file: URL,
		private readonly options: {
			/** the worker honours the shared interrupt flag (Pyodide); QuickJS stops itself */
			interruptible: boolean;
			/** replace the worker after every run, so no two snippets share an interpreter */
			oneRunEach: boolean;
			/** the interpreter's compiled WebAssembly, handed to every worker this runner starts */
			wasmModule?: () => Promise<WebAssembly.Module | undefined>;
			/**
			 * A cap on the worker's young generation. V8 grows it with the allocation rate, up to
			 * tens of MB per thread, though a worker whose runs leave nothing behind needs little.
			 */
			youngGenerationMb?: number;
			/** stop the worker after this long without a run (a pool's extra worker) */
			stopAfterIdleMs?: number;
		},
	) {}

	/** whether the worker is started and answering: a run sent now does not wait for a start */
	get ready(): boolean {
		return this.worker !== undefined;
	}

	/** whether a worker is being started */
	get booting(): boolean {
		return this.starting !== undefined;
	}

	private get name(): string {
		return this.file.pathname.split("/").pop() ?? "worker";
	}

	start(): Promise<Worker> {
		if (this.closed) return Promise.reject(new Error("sandbox is closed"));
		if (this.worker) return Promise.resolve(this.worker);
		this.starting ??= this.boot().finally(() => {
			this.starting = undefined;
			// started ahead of any run (warm, or a pool growing): idle from now on
			if (this.inFlight === 0) this.stopWhenIdle();
		});
		return this.starting;
	}

	/** runs sent to this worker and not yet answered */
	get queued(): number {
		return this.inFlight;
	}

	run(code: string, limits: RunLimits): Promise<RunResult> {
		this.inFlight += 1;
		clearTimeout(this.idleTimer);
		const result = this.tail
			.then(() => this.execute(code, limits))
			.finally(() => {
				this.inFlight -= 1;
				if (this.inFlight === 0) this.stopWhenIdle();
			});
		this.tail = result.catch(() => undefined);
		return result;
	}

	/** Stops the worker once it has had no run for `stopAfterIdleMs`, if the runner has that option. */
	private stopWhenIdle(): void {
		const after = this.options.stopAfterIdleMs;
		if (after === undefined || this.closed) return;
		clearTimeout(this.idleTimer);
		this.idleTimer = setTimeout(() => {
			// a run sent since then has cleared this timer; one starting now starts a new worker
			if (this.inFlight === 0 && !this.starting) void this.kill();
		}, after);
		this.idleTimer.unref();
	}

	async close(): Promise<void> {
		this.closed = true;
		clearTimeout(this.idleTimer);
		await this.starting?.catch(() => undefined);
		await this.kill();
	}

	private async boot(): Promise<Worker> {
		const wasmModule = await this.options.wasmModule?.();
		return new Promise<Worker>((resolve, reject) => {
			const worker = spawnWorker(
				this.bootstrap,
				this.file,
				{ interrupt: this.interrupt, ...(wasmModule ? { wasmModule } : {}) },
				this.options.youngGenerationMb,
			);
			const timer = setTimeout(() => {
				void worker.terminate();
				reject(
					new Error(`${this.name} did not start within ${START_TIMEOUT_MS} ms`),
				);
			}, START_TIMEOUT_MS);
			const onStartError = (error: Error) => {
				clearTimeout(timer);
				reject(error);
			};
			worker.once("error", onStartError);
			worker.once("message", (message: ReadyMessage) => {
				clearTimeout(timer);
				worker.off("error", onStartError);
				if (!message.ready)
					return reject(new Error(`${this.name} sent no ready message`));
				worker.on("message", (outcome: JobOutcome) => this.settle(outcome));
				worker.on("error", (error) => this.crashed(worker, error.message));
				worker.on("exit", (code) =>
					this.crashed(worker, `worker exited with code ${code}`),
				);
				this.worker = worker;
				resolve(worker);
			});
		});
	}

	private async execute(code: string, limits: RunLimits): Promise<RunResult> {
		const worker = await this.start();
		const id = this.nextId++;
		const flag = new Int32Array(this.interrupt);
		Atomics.store(flag, 0, 0);
		const started = performance.now();
		// the worker enforces the limit itself; these fire only when it cannot (a Python loop, a hung worker)
		const soft = setTimeout(
			() => this.options.interruptible && Atomics.store(flag, 0, 2),
			limits.timeoutMs,
		);
		const hard = setTimeout(
			() => void this.killHung(id),
			limits.timeoutMs + KILL_GRACE_MS,
		);
		const outcome = await new Promise<Settled>((resolve) => {
			this.pending = { id, resolve };
			worker.postMessage({ id, code, ...limits } satisfies RunJob);
		});
		clearTimeout(soft);
		clearTimeout(hard);
		const durationMs = Math.round(performance.now() - started);
		if (this.options.oneRunEach || ("recycle" in outcome && outcome.recycle))
			await this.replace(worker);
		// the workers cap their output; this holds even for one that did not
		if ("stdout" in outcome && outcome.stdout.length > MAX_OUTPUT_CHARS)
			return {
				status: "error",
				stdout: outcome.stdout.slice(0, MAX_OUTPUT_CHARS),
				error: "output limit exceeded",
				exact: false,
				durationMs,
			};
		switch (outcome.status) {
			case "ok":
				return {
					status: "ok",
					stdout: outcome.stdout,
					exact: outcome.exact,
					durationMs,
				};
			case "timeout":
			case "memory":
				return { status: outcome.status, stdout: outcome.stdout, durationMs };
			case "error":
				return {
					status: "error",
					stdout: outcome.stdout,
					error: outcome.error,
					...(outcome.raised === undefined ? {} : { raised: outcome.raised }),
					exact: outcome.exact,
					durationMs,
				};
			case "crashed":
				return {
					status: "error",
					stdout: "",
					error: `sandbox crashed: ${outcome.error}`,
					exact: false,
					durationMs,
				};
		}
	}

	private settle(outcome: JobOutcome): void {
		if (this.pending?.id !== outcome.id) return;
		const { resolve } = this.pending;
		this.pending = undefined;
		resolve(outcome);
	}

	private async killHung(id: number): Promise<void> {
		if (this.pending?.id !== id) return;
		const { resolve } = this.pending;
		this.pending = undefined;
		await this.kill();
		resolve({
			id,
			status: "timeout",
			stdout: "",
			error: "killed after the time limit",
		});
	}

	private crashed(worker: Worker, reason: string): void {
		if (this.worker !== worker) return;
		this.worker = undefined;
		const pending = this.pending;
		this.pending = undefined;
		pending?.resolve({ id: pending.id, status: "crashed", error: reason });
	}

	/** Terminates a worker whose interpreter a run left dirty and starts its successor now. */
	private async replace(worker: Worker): Promise<void> {
		if (this.worker !== worker) return;
		await this.kill();
		// warming the successor is best effort: a failed start is retried, and reported, by the next run
		if (!this.closed) this.start().catch(() => undefined);
	}

	private async kill(): Promise<void> {
		const worker = this.worker;
		this.worker = undefined;
		await worker?.terminate();
	}
}
