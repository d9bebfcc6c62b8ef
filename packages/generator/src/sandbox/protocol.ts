import type { RunLimits } from "./sandbox.js";

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
			status: "error" | "timeout" | "memory";
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
}
