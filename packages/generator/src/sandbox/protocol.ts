import type { Language } from "@app/contract";

export interface RunLimits {
	/** wall-clock budget for the whole run, timers included */
	timeoutMs: number;
	/** memory the snippet may allocate on top of the interpreter's own */
	memoryMb: number;
}

export type RunResult =
	| { status: "ok"; stdout: string; exact: boolean; durationMs: number }
	| {
			status: "error";
			stdout: string;
			error: string;
			/**
			 * The type of the exception that escaped the snippet, as its interpreter names it: a
			 * Python exception's class name, a thrown JavaScript Error's `name`. Absent when the run
			 * ended otherwise (the output limit, a crash) or threw something that is not an Error.
			 */
			raised?: string;
			/** as for "ok": what it printed before it ended is what the real interpreter prints */
			exact: boolean;
			durationMs: number;
	  }
	| { status: "timeout"; stdout: string; durationMs: number }
	| { status: "memory"; stdout: string; durationMs: number };

/** One snippet to run, as the server asks the sandbox process for it. */
export interface RunRequest {
	language: Language;
	code: string;
	limits: RunLimits;
	/** run it in an interpreter that no later snippet uses (see RunOptions in sandbox.ts) */
	isolated: boolean;
}

/**
 * Programs of one language, run each on its own (its own interpreter state, limits and result) and
 * sent together, so that a challenge's snippet and its mistakes cost one round trip.
 */
export interface BatchRequest {
	language: Language;
	programs: string[];
	limits: RunLimits;
}

/** `isolated`: also start the interpreters that run one snippet each (the LLM provider's Python) */
export interface WarmOptions {
	isolated?: boolean;
}

/** What runs snippets behind a Sandbox: the sandbox process, or worker threads of one process. */
export interface SnippetRunner {
	run(request: RunRequest): Promise<RunResult>;
	/** the batch's results, in the order of its programs */
	runBatch(request: BatchRequest): Promise<RunResult[]>;
	warm(languages: readonly Language[], options?: WarmOptions): Promise<void>;
	close(): Promise<void>;
}

/** What the server sends the sandbox process over IPC. */
export type HostRequest =
	| ({ type: "run"; id: number } & RunRequest)
	| ({ type: "batch"; id: number } & BatchRequest)
	| ({ type: "warm"; id: number; languages: Language[] } & WarmOptions);

/**
 * What the sandbox process sends the server: `ready` once it listens, `heartbeat` every second
 * (silence means it hangs), and one `done` per request: `result` for a run, `results` for a batch.
 */
export type HostReply =
	| { type: "ready" }
	| { type: "heartbeat" }
	| {
			type: "done";
			id: number;
			result?: RunResult;
			results?: RunResult[];
			error?: string;
	  };

/** The code of the worker threads, as file URLs; the sandbox process is started with them. */
export interface WorkerFiles extends Record<Language, string> {
	/** the first module of every worker, which then loads the interpreter's (worker-bootstrap.ts) */
	bootstrap: string;
}

/**
 * What a run may print. More cannot be an answer option anyway, and it crosses two thread
 * boundaries and the IPC channel: a snippet printing in a loop must not flood them.
 */
export const MAX_OUTPUT_CHARS = 256 * 1024;

/** What the host sends a sandbox worker. */
export interface RunJob extends RunLimits {
	id: number;
	code: string;
}

/**
 * What a sandbox worker answers; the host adds the duration. `recycle` asks the host to replace the
 * worker, because the run left state behind that the worker cannot undo.
 */
export type JobOutcome = (
	| { id: number; status: "ok"; stdout: string; exact: boolean }
	| {
			id: number;
			status: "error";
			stdout: string;
			error: string;
			raised?: string;
			exact: boolean;
	  }
	| {
			id: number;
			status: "timeout" | "memory";
			stdout: string;
			error: string;
	  }
) & { recycle?: true };

/** The first message of a worker: it has loaded its interpreter. */
export interface ReadyMessage {
	ready: true;
}

/** Data the host passes at worker start. */
export interface WorkerData {
	/** Int32 flag the host sets to 2 (SIGINT) to interrupt a running Python snippet */
	interrupt: SharedArrayBuffer;
	/**
	 * The interpreter's WebAssembly, compiled once for all of the process's workers of its
	 * language: a worker then neither compiles it again nor runs it unoptimized for long.
	 */
	wasmModule?: WebAssembly.Module;
}

/** What worker-bootstrap.ts reads: the worker's own file, loaded once threads are refused. */
export interface BootstrapData extends WorkerData {
	file: string;
}
