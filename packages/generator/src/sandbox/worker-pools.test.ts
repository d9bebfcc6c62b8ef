import { availableParallelism } from "node:os";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { createSandbox } from "./sandbox.js";
import { WorkerRunner } from "./worker-runner.js";

/** Runs each snippet as plain Node code, so that a run can name the worker thread it ran in. */
const escaped = new URL("../../test/escaped-worker.mjs", import.meta.url);
const THREAD = 'return require("node:worker_threads").threadId';
const SLOW_THREAD = `await new Promise((resolve) => setTimeout(resolve, 200)); ${THREAD}`;
const LIMITS = { timeoutMs: 5000, memoryMb: 64 };

describe("a worker runner with stopAfterIdleMs", () => {
	it("stops its worker once idle and starts a new one for the next run", async () => {
		// the stand-in needs no bootstrap: it is its own
		const runner = new WorkerRunner(escaped, escaped, {
			interruptible: false,
			oneRunEach: false,
			stopAfterIdleMs: 100,
		});
		try {
			const first = await runner.run(THREAD, LIMITS);
			expect(first.status).toBe("ok");
			expect(runner.ready).toBe(true);
			await vi.waitFor(() => expect(runner.ready).toBe(false), {
				timeout: 10_000,
			});
			const second = await runner.run(THREAD, LIMITS);
			expect(second.status).toBe("ok");
			expect(second.stdout).not.toBe(first.stdout);
		} finally {
			await runner.close();
		}
	});
});

describe.skipIf(availableParallelism() < 2)("the Python pool", () => {
	it("keeps one worker warm, and starts another while runs queue behind it", async () => {
		const sandbox = createSandbox(LIMITS, {
			workers: { javascript: escaped.href, python: escaped.href },
		});
		onTestFinished(() => sandbox.close());
		await sandbox.warm(["python"]);
		const threads = async () =>
			new Set(
				(await sandbox.runBatch("python", Array(4).fill(SLOW_THREAD))).map(
					(run) => run.stdout,
				),
			);
		// the batch queues on the warm worker; the second one starts meanwhile, for later runs
		expect((await threads()).size).toBe(1);
		expect((await threads()).size).toBe(2);
	});
});
