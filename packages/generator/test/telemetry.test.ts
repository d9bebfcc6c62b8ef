import { afterAll, describe, expect, it } from "vitest";
import {
	createGenerator,
	type GeneratorEvents,
	type SandboxRunEvent,
	subscribe,
} from "../src/index.js";

const generator = createGenerator({ kind: "offline" });
afterAll(() => generator.close());

/** The events of a kind published while `action` runs. */
async function heard<K extends keyof GeneratorEvents>(
	kind: K,
	action: () => Promise<unknown>,
): Promise<GeneratorEvents[K][]> {
	const events: GeneratorEvents[K][] = [];
	const stop = subscribe(kind, (event) => events.push(event));
	try {
		await action();
	} finally {
		stop();
	}
	return events;
}

describe("the engine's telemetry channels", () => {
	it("publishes each generation with its provider, language and verification, and each sandbox run with its result", async () => {
		let runs: SandboxRunEvent[] = [];
		const generations = await heard("generation", async () => {
			runs = await heard("sandboxRun", () =>
				generator.generate({ difficulty: "easy", language: "javascript" }),
			);
		});
		expect(generations).toEqual([
			expect.objectContaining({
				provider: "offline",
				language: "javascript",
				outcome: "executed",
			}),
		]);
		expect(generations[0]?.durationMs).toBeGreaterThan(0);
		expect(runs.length).toBeGreaterThan(0);
		for (const run of runs) expect(run.language).toBe("javascript");
		expect(runs.map((run) => run.result)).toContain("ok");
	});

	it("publishes a generation whose caller gave up as aborted", async () => {
		const generations = await heard("generation", () =>
			generator
				.generate(
					{ difficulty: "easy", language: "python" },
					AbortSignal.abort(),
				)
				.catch(() => undefined),
		);
		expect(generations.map((event) => event.outcome)).toEqual(["aborted"]);
	});

	it("publishes nothing to a listener that unsubscribed", async () => {
		const events: unknown[] = [];
		subscribe("generation", (event) => events.push(event))();
		await generator.generate({ difficulty: "easy", language: "javascript" });
		expect(events).toEqual([]);
	});
});
