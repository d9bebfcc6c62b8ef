import { describe, expect, it } from "vitest";
import { batchedReads } from "./batched-reads.js";

/** A read whose batches the test sees and finishes when it wants: each answer is its ask doubled. */
function heldRead() {
	const batches: {
		asks: number[];
		finish(): void;
		fail(error: Error): void;
	}[] = [];
	const read = (asks: readonly number[]) =>
		new Promise<number[]>((resolve, reject) => {
			batches.push({
				asks: [...asks],
				finish: () => resolve(asks.map((ask) => ask * 2)),
				fail: reject,
			});
		});
	return { batches, read };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("batchedReads", () => {
	it("starts a read at once while fewer than maxInFlight run, then gathers the asks that wait", async () => {
		const { batches, read } = heldRead();
		const ask = batchedReads(read, { maxInFlight: 2, maxBatch: 64 });
		const answers = [1, 2, 3, 4, 5].map(ask);
		expect(batches.map((batch) => batch.asks)).toEqual([[1], [2]]);

		batches[0]?.finish();
		await settled();
		expect(batches.map((batch) => batch.asks)).toEqual([[1], [2], [3, 4, 5]]);
		batches[1]?.finish();
		batches[2]?.finish();
		expect(await Promise.all(answers)).toEqual([2, 4, 6, 8, 10]);
	});

	it("never puts an ask into a read that started before it was made", async () => {
		const { batches, read } = heldRead();
		const ask = batchedReads(read, { maxInFlight: 1, maxBatch: 64 });
		const early = ask(1);
		// made while the first read runs: a write committed before it must be visible to it
		const late = ask(2);
		expect(batches.map((batch) => batch.asks)).toEqual([[1]]);
		batches[0]?.finish();
		expect(await early).toBe(2);
		await settled();
		expect(batches.map((batch) => batch.asks)).toEqual([[1], [2]]);
		batches[1]?.finish();
		expect(await late).toBe(4);
	});

	it("carries at most maxBatch asks in one read", async () => {
		const { batches, read } = heldRead();
		const ask = batchedReads(read, { maxInFlight: 1, maxBatch: 2 });
		const answers = [1, 2, 3, 4, 5, 6].map(ask);
		for (let i = 0; i < 4; i++) {
			batches.at(-1)?.finish();
			await settled();
		}
		expect(batches.map((batch) => batch.asks)).toEqual([
			[1],
			[2, 3],
			[4, 5],
			[6],
		]);
		expect(await Promise.all(answers)).toEqual([2, 4, 6, 8, 10, 12]);
	});

	it("fails every ask of a failed read with its error, and goes on with the next", async () => {
		const { batches, read } = heldRead();
		const ask = batchedReads(read, { maxInFlight: 1, maxBatch: 64 });
		const first = ask(1);
		const [second, third] = [ask(2), ask(3)];
		batches[0]?.finish();
		await first;
		await settled();
		batches[1]?.fail(new Error("connection lost"));
		await expect(second).rejects.toThrow("connection lost");
		await expect(third).rejects.toThrow("connection lost");
		const fourth = ask(4);
		batches[2]?.finish();
		expect(await fourth).toBe(8);
	});

	it("fails the asks of a read that throws at once or answers the wrong number of them", async () => {
		const throwing = batchedReads<number, number>(() => {
			throw new Error("bad statement");
		});
		await expect(throwing(1)).rejects.toThrow("bad statement");
		const short = batchedReads(async (asks: readonly number[]) =>
			asks.slice(1),
		);
		await expect(short(1)).rejects.toThrow("answered 0 of 1 asks");
	});
});
