import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import type { Language } from "@app/contract";
import type {
	BatchRequest,
	HostReply,
	HostRequest,
	RunRequest,
	RunResult,
	SnippetRunner,
	WarmOptions,
} from "./protocol.js";
import { resolveLaunch } from "./sandbox-launch.js";

/** The sandbox process sends a heartbeat every second; this long without one, it hangs. */
const HANG_MS = 10_000;
/** It only sets up IPC before saying it is ready; the interpreters load later. */
const START_TIMEOUT_MS = 30_000;
/** A process that keeps dying is restarted no more often than this. */
const RESTART_DELAY_MS = 1000;
/**
 * The sandbox process runs at a lower CPU priority than the server: when both want a core, the
 * server's requests (a quota read, a page of history) go first and a draft's checks wait a little.
 */
export const SANDBOX_NICENESS = 10;

/**
 * Lowers the priority of the process and of every thread it has. Linux keeps one per thread and a
 * new thread inherits its creator's, so this is done at start (for the threads the main thread
 * creates later: the interpreters') and again once it is ready (for Node's own, started before).
 */
function lowerPriority(pid: number | undefined): void {
	if (pid === undefined) return;
	let threads: string[] = [];
	try {
		threads = readdirSync(`/proc/${pid}/task`);
	} catch {
		// no /proc: the process's main thread only
	}
	for (const id of new Set([pid, ...threads.map(Number)])) {
		try {
			setPriority(id, SANDBOX_NICENESS);
		} catch {
			// the thread ended, or the platform has no priorities: it runs at the server's
		}
	}
}
/** What the process last printed to stderr is kept for the error that reports its end. */
const STDERR_TAIL_CHARS = 2000;

/** The sandbox process died, hung, or could not start: the runs it held are lost, a new one starts. */
export class SandboxUnavailableError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = "SandboxUnavailableError";
	}
}

interface Pending {
	resolve: (reply: Extract<HostReply, { type: "done" }>) => void;
	reject: (error: Error) => void;
}

/**
 * The server's side of the sandbox process: starts it (on first use), sends it runs over IPC,
 * and replaces it when it exits or stops answering. Runs it held fail with SandboxUnavailableError
 * rather than hang, and the languages it had warmed are warmed again in its successor.
 */
export class SandboxProcess implements SnippetRunner {
	private child: ChildProcess | undefined;
	private starting: Promise<ChildProcess> | undefined;
	private readonly pending = new Map<number, Pending>();
	private readonly warmed = new Set<Language>();
	private warmedIsolated = false;
	private nextId = 1;
	private lastHeard = 0;
	private lastSpawn = 0;
	private closed = false;
	private readonly watchdog: NodeJS.Timeout;
	/** requests sent to the sandbox process so far: a run, a batch and a warm-up are one each */
	sent = 0;

	constructor(
		private readonly workers?: Partial<Record<Language, string>>,
		private readonly hangMs = HANG_MS,
	) {
		this.watchdog = setInterval(() => this.checkAlive(), 1000);
		this.watchdog.unref();
	}

	async run(request: RunRequest): Promise<RunResult> {
		const reply = await this.request({ type: "run", id: 0, ...request });
		if (!reply.result)
			throw new SandboxUnavailableError(reply.error ?? "the run failed");
		return reply.result;
	}

	async runBatch(request: BatchRequest): Promise<RunResult[]> {
		const reply = await this.request({ type: "batch", id: 0, ...request });
		if (reply.results?.length !== request.programs.length)
			throw new SandboxUnavailableError(reply.error ?? "the batch failed");
		return reply.results;
	}

	async warm(
		languages: readonly Language[],
		{ isolated = false }: WarmOptions = {},
	): Promise<void> {
		for (const language of languages) this.warmed.add(language);
		this.warmedIsolated ||= isolated;
		const reply = await this.request({
			type: "warm",
			id: 0,
			languages: [...languages],
			isolated,
		});
		if (reply.error) throw new SandboxUnavailableError(reply.error);
	}

	async close(): Promise<void> {
		this.closed = true;
		clearInterval(this.watchdog);
		const child = await this.starting?.catch(() => undefined);
		await stop(child ?? this.child);
	}

	private async request(
		message: HostRequest,
	): Promise<Extract<HostReply, { type: "done" }>> {
		const child = await this.start();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			if (this.child !== child)
				return reject(
					new SandboxUnavailableError("the sandbox process stopped"),
				);
			this.pending.set(id, { resolve, reject });
			this.sent += 1;
			child.send({ ...message, id }, (error) => {
				if (error) this.lost(child, `cannot reach it: ${error.message}`);
			});
		});
	}

	private start(): Promise<ChildProcess> {
		if (this.closed)
			return Promise.reject(new SandboxUnavailableError("sandbox is closed"));
		if (this.child) return Promise.resolve(this.child);
		this.starting ??= this.spawn().finally(() => {
			this.starting = undefined;
		});
		return this.starting;
	}

	private async spawn(): Promise<ChildProcess> {
		const wait = this.lastSpawn + RESTART_DELAY_MS - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		this.lastSpawn = Date.now();
		const launch = await resolveLaunch(this.workers);
		// a working directory of its own, empty; the process cannot write to it or read it
		const cwd = mkdtempSync(join(tmpdir(), "sandbox-"));
		const child = fork(launch.entry, [JSON.stringify(launch.workers)], {
			execArgv: launch.execArgv,
			// no secret of the server's (model key, database URL, Clerk keys) is ever in reach
			env: {},
			cwd,
			stdio: ["ignore", "ignore", "pipe", "ipc"],
			serialization: "json",
		});
		lowerPriority(child.pid);
		let stderr = "";
		child.stderr?.setEncoding("utf8");
		child.stderr?.on("data", (text: string) => {
			stderr = (stderr + text).slice(-STDERR_TAIL_CHARS);
		});
		child.once("exit", (code, signal) => {
			rmSync(cwd, { recursive: true, force: true });
			const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
			this.lost(child, `${how}${stderr ? `: ${stderr.trim()}` : ""}`);
		});
		child.on("message", (reply: HostReply) => this.received(child, reply));
		return new Promise<ChildProcess>((resolve, reject) => {
			const timer = setTimeout(() => {
				child.kill("SIGKILL");
				reject(
					new SandboxUnavailableError("the sandbox process did not start"),
				);
			}, START_TIMEOUT_MS);
			const failed = (error: Error) => {
				clearTimeout(timer);
				reject(
					new SandboxUnavailableError(
						`the sandbox process did not start: ${error.message}`,
						{ cause: error },
					),
				);
			};
			child.once("error", failed);
			child.once("exit", () => failed(new Error(stderr.trim() || "it exited")));
			child.once("message", (reply: HostReply) => {
				clearTimeout(timer);
				if (reply.type !== "ready")
					return failed(new Error(`unexpected first message ${reply.type}`));
				lowerPriority(child.pid);
				this.child = child;
				this.lastHeard = Date.now();
				resolve(child);
			});
		});
	}

	private received(child: ChildProcess, reply: HostReply): void {
		if (this.child !== child) return;
		this.lastHeard = Date.now();
		if (reply.type !== "done") return;
		const pending = this.pending.get(reply.id);
		this.pending.delete(reply.id);
		pending?.resolve(reply);
	}

	private checkAlive(): void {
		const child = this.child;
		if (child && Date.now() - this.lastHeard > this.hangMs) {
			this.lost(child, `stopped answering for ${this.hangMs} ms`);
			child.kill("SIGKILL");
		}
	}

	/** Fails the runs the process held, forgets it, and warms its successor. */
	private lost(child: ChildProcess, reason: string): void {
		if (this.child !== child) return;
		this.child = undefined;
		const error = new SandboxUnavailableError(`the sandbox process ${reason}`);
		for (const pending of this.pending.values()) pending.reject(error);
		this.pending.clear();
		void stop(child);
		// best effort: a failed start is retried, and reported, by the next run
		if (!this.closed && this.warmed.size > 0)
			this.warm([...this.warmed], { isolated: this.warmedIsolated }).catch(
				() => undefined,
			);
	}
}

/** Ends a sandbox process: it closes its workers when IPC disconnects, and is killed if it does not. */
async function stop(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once("exit", resolve));
	if (child.connected) child.disconnect();
	const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
	await exited;
	clearTimeout(timer);
}
