import { type Channel, channel } from "node:diagnostics_channel";
import type { GeneratorKind, Language } from "@app/contract";
import type { RunResult } from "./sandbox/protocol.js";

/**
 * What the engine reports as it works, for whoever wants to count it (the server's metrics), on
 * Node's diagnostics channels: the engine knows nothing of its listeners, a generator made
 * anywhere (by the server, a test, a script) reports the same way, and a message nobody listens
 * to costs one property read.
 */

/** One snippet run by a sandbox, batched or not. */
export interface SandboxRunEvent {
	language: Language;
	result: RunResult["status"];
	durationMs: number;
}

/** One HTTP attempt to the model server; the SDK's own retries are attempts too. */
export interface ModelAttemptEvent {
	/** the HTTP status, or null when no answer came (connection refused, timeout, abort) */
	status: number | null;
	/** a retry of an earlier attempt that failed (the SDK backs off and tries again) */
	retry: boolean;
	durationMs: number;
}

/** A draft asked for again: the model's reply was not a usable challenge, or its code did not run. */
export interface RedraftEvent {
	reason: "unusable_reply" | "not_runnable";
}

/**
 * One generation, however it ended: `outcome` is the challenge's verification, or why there is
 * none: `failed` (this attempt went wrong), `unavailable` (the generator cannot serve now) or
 * `aborted` (the caller gave up waiting).
 */
export interface GenerationEvent {
	provider: GeneratorKind;
	language: Language;
	outcome:
		| "executed"
		| "corrected"
		| "not_runnable"
		| "not_applicable"
		| "failed"
		| "unavailable"
		| "aborted";
	durationMs: number;
}

/** The engine's events, by channel. */
export interface GeneratorEvents {
	sandboxRun: SandboxRunEvent;
	modelAttempt: ModelAttemptEvent;
	redraft: RedraftEvent;
	generation: GenerationEvent;
}

const channels: Record<keyof GeneratorEvents, Channel> = {
	sandboxRun: channel("coding-challenge-trainer:sandbox-run"),
	modelAttempt: channel("coding-challenge-trainer:model-attempt"),
	redraft: channel("coding-challenge-trainer:redraft"),
	generation: channel("coding-challenge-trainer:generation"),
};

/** Publishes an event only when someone listens, so that an unwatched engine builds no messages. */
export function publish<K extends keyof GeneratorEvents>(
	name: K,
	event: () => GeneratorEvents[K],
): void {
	const on = channels[name];
	if (on.hasSubscribers) on.publish(event());
}

/** Calls `listener` with every event of one kind, from every generator in this process; returns the unsubscribe. */
export function subscribe<K extends keyof GeneratorEvents>(
	name: K,
	listener: (event: GeneratorEvents[K]) => void,
): () => void {
	const on = channels[name];
	const handler = (message: unknown) => listener(message as GeneratorEvents[K]);
	on.subscribe(handler);
	return () => on.unsubscribe(handler);
}
