import { afterAll, describe, expect, it } from "vitest";
import {
	createOfflineGenerator,
	explanation,
	familiesFor,
	variantKey,
} from "../src/providers/offline.js";
import { ProvenLibrary } from "../src/providers/proven-library.js";
import { createSandbox } from "../src/sandbox/sandbox.js";
import { belief } from "../src/templates/belief.js";
import { defineFamily, type Family } from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { lookOf } from "../src/variety.js";
import { drawnOf } from "../testing/families.js";

const REQUEST_SEEDS = [1, 2, 3, 4, 5];

// one sandbox for the file; closing a generator would close it, so none is closed
const sandbox = createSandbox();
afterAll(() => sandbox.close());

/** The variant keys of a family's instances for seeds 0 to count - 1. */
function keysOf(family: Family, count: number): Set<string> {
	const keys = new Set<string>();
	for (let seed = 0; seed < count; seed++)
		keys.add(variantKey(family, drawnOf(family, seed).instance.code));
	return keys;
}

/** `n * 2` printed, plus `extra` in a mistake's program. */
const doubled = (n: number, extra: number) =>
	extra ? `print(${n} * 2 + ${extra})\n` : `print(${n} * 2)\n`;

/**
 * A family with exactly `size` instances, tagged with its own name as its only topic. For the n
 * where `twoWrong(n)` holds, two mistakes print the same, so a third option must be filler.
 * `program` writes the snippet (extra 0) and its mistakes.
 */
const smallFamily = (
	name: string,
	size: number,
	twoWrong: (n: number) => boolean = () => false,
	program = doubled,
) =>
	defineFamily<{ n: number }>({
		id: `python/${name}`,
		idea: "py.truthiness",
		language: "python",
		difficulty: "easy",
		title: `Doubling, ${name}`,
		topics: [name],
		params: (rng) => ({ n: rng.int(1, size) }),
		build: ({ n }) => ({
			code: program(n, 0),
			mistakes: (twoWrong(n) ? [1, 1, 3] : [1, 3, 5]).map((extra, i) => ({
				misconception: belief`doubling adds ${extra} (belief ${i + 1})`,
				code: program(n, extra),
			})),
			explain: (answer) => `${n} * 2 is ${answer}.`,
		}),
	});

describe("explanation", () => {
	it("puts the trace between the reason and the notes, and words each note for its kind", () => {
		const wrong = [
			{
				text: "3\n4",
				origin: "mistake" as const,
				misconception: belief`x is 3`,
			},
		];
		expect(explanation("Why.", wrong, { trace: ["a = 1", "b = 2"] })).toBe(
			"Why.\n\nStep by step:\na = 1\nb = 2\n\n• “3 / 4” is what you would predict if you thought that x is 3.",
		);
		expect(explanation("Why.", wrong, { kind: "fill-in" })).toBe(
			"Why.\n\n• “3 / 4” is what you would choose if you thought that x is 3.",
		);
	});
});

describe("the offline provider", () => {
	it("serves unseen challenges on a narrow topic when the user has seen most of its instances", async () => {
		const request = {
			language: "python",
			difficulty: "easy",
			topic: "slicing",
		} as const;
		const onTopic = familiesFor(FAMILIES, request);
		expect(onTopic.map((f) => f.id)).toEqual(["python/string-slicing"]);
		// about 7,500 keys: what 20,000 draws of the family reach, some 87% of what it draws
		const seen = keysOf(onTopic[0] as Family, 20_000);
		const generator = createOfflineGenerator(sandbox, FAMILIES);
		for (const seed of REQUEST_SEEDS) {
			const result = await generator.generate({
				...request,
				exclude: seen,
				seed,
			});
			expect(
				seen.has(result.variantKey ?? ""),
				result.challenge.code ?? "",
			).toBe(false);
			expect(result.challenge.source).toBe("offline:python/string-slicing");
		}
	});

	it("widens to the other families of the cell once the topic's are used up", async () => {
		const alpha = smallFamily("alpha", 4);
		const generator = createOfflineGenerator(sandbox, [
			alpha,
			smallFamily("beta", 4),
		]);
		const seen = keysOf(alpha, 200);
		expect(seen.size).toBe(4);
		for (const seed of REQUEST_SEEDS) {
			const result = await generator.generate({
				language: "python",
				difficulty: "easy",
				topic: "alpha",
				exclude: seen,
				seed,
			});
			expect(result.challenge.source).toBe("offline:python/beta");
		}
	});

	it("finds the one instance left unseen, and repeats only once the user has seen them all", async () => {
		const family = smallFamily("alpha", 6);
		const generator = createOfflineGenerator(sandbox, [family]);
		const all = keysOf(family, 200);
		expect(all.size).toBe(6);
		const [left, ...others] = [...all];
		const request = { language: "python", difficulty: "easy" } as const;
		for (const seed of REQUEST_SEEDS) {
			const result = await generator.generate({
				...request,
				exclude: new Set(others),
				seed,
			});
			expect(result.variantKey).toBe(left);
		}
		const repeat = await generator.generate({
			...request,
			exclude: all,
			seed: 1,
		});
		expect(all.has(repeat.variantKey ?? "")).toBe(true);
	});

	it("prefers an instance whose distractors all come from mistakes, and serves filler only when every instance needs it", async () => {
		const request = { language: "python", difficulty: "easy" } as const;
		const mostlyFull = createOfflineGenerator(sandbox, [
			smallFamily("alpha", 3, (n) => n !== 3),
		]);
		for (const seed of REQUEST_SEEDS) {
			const { challenge } = await mostlyFull.generate({ ...request, seed });
			expect(challenge.code).toBe("print(3 * 2)\n");
			expect(challenge.explanation.match(/^• /gm)).toHaveLength(3);
		}
		const allFiller = createOfflineGenerator(sandbox, [
			smallFamily("alpha", 3, () => true),
		]);
		const { challenge } = await allFiller.generate({ ...request, seed: 1 });
		expect(challenge.options).toHaveLength(4);
		expect(challenge.explanation.match(/^• /gm)).toHaveLength(2);
	});
});

describe("the offline provider's error challenges", () => {
	/** Halves a number in a loop: the real program raises at the 0, each belief does something else. */
	const halving = defineFamily<{ n: number }>({
		id: "python/halving",
		idea: "py.integer-division",
		language: "python",
		difficulty: "easy",
		kind: "error",
		title: "Halving",
		topics: ["halving"],
		params: (rng) => ({ n: rng.int(2, 9) }),
		build: ({ n }) => {
			const program = (body: string) =>
				`for d in [${n}, 0, 1]:\n${body}\nprint("end")\n`;
			return {
				code: program(`    print(${n * 2} // d)`),
				mistakes: [
					{
						misconception: belief`dividing by 0 gives 0`,
						code: program(`    print(${n * 2} // d if d else 0)`),
					},
					{
						misconception: belief`the loop skips the 0`,
						code: program(`    if d:\n        print(${n * 2} // d)`),
					},
					{
						misconception: belief`dividing by 0 raises ValueError`,
						code: program(
							`    if not d:\n        raise ValueError\n    print(${n * 2} // d)`,
						),
					},
				],
				explain: (answer) => `Division by 0 raises: ${answer}.`,
			};
		},
	});

	it("asks what happens, with the outcome of each run as an option", async () => {
		const generator = createOfflineGenerator(sandbox, [halving]);
		const { challenge } = await generator.generate({
			language: "python",
			difficulty: "easy",
			seed: 1,
		});
		expect(challenge).toMatchObject({
			kind: "error",
			title: "Halving: what happens when this runs?",
		});
		const n = Number(challenge.code?.match(/\[(\d+),/)?.[1]);
		expect(challenge.options[challenge.correct_answer_id]).toBe(
			`2\n[raises ZeroDivisionError]`,
		);
		expect(new Set(challenge.options)).toEqual(
			new Set([
				"2\n[raises ZeroDivisionError]",
				`2\n0\n${n * 2}\nend`,
				`2\n${n * 2}\nend`,
				"2\n[raises ValueError]",
			]),
		);
	});
});

describe("the offline provider's library of proven challenges", () => {
	/** The file's sandbox, counting the programs it is asked to run. */
	const counting = () => {
		const counted = { programs: 0 };
		const wrapped: typeof sandbox = {
			...sandbox,
			run: (...args) => {
				counted.programs += 1;
				return sandbox.run(...args);
			},
			runBatch: (language, programs, options) => {
				counted.programs += programs.length;
				return sandbox.runBatch(language, programs, options);
			},
		};
		return { sandbox: wrapped, counted };
	};
	const request = { language: "python", difficulty: "easy" } as const;

	it("serves a challenge proven for one user to another exactly as proven, running nothing", async () => {
		const { sandbox: wrapped, counted } = counting();
		const generator = createOfflineGenerator(wrapped, [
			smallFamily("alpha", 1000),
		]);
		const first = await generator.generate(request);
		const ran = counted.programs;
		expect(ran).toBeGreaterThan(0);
		expect(first.report.reused).toBeUndefined();

		const second = await generator.generate(request);
		expect(counted.programs).toBe(ran);
		expect(second.report).toEqual({
			runs: 0,
			sandboxMs: 0,
			modelCalls: 0,
			reused: true,
		});
		expect(second.variantKey).toBe(first.variantKey);
		expect(second.challenge).toEqual(first.challenge);
		expect(second.diagnosis).toEqual(first.diagnosis);
	});

	it("never serves a user a kept challenge they have seen, nor one like their recent ones", async () => {
		// two looks: n * 2 for odd n, n + n for even n
		const twoLooks = smallFamily("two-looks", 1000, undefined, (n, extra) =>
			n % 2 ? doubled(n, extra) : `print(${n} + ${n} + ${extra})\n`,
		);
		const generator = createOfflineGenerator(sandbox, [twoLooks]);
		const kept = await generator.generate(request);
		const key = kept.variantKey ?? "";
		const again = await generator.generate({
			...request,
			exclude: new Set([key]),
		});
		expect(again.variantKey).not.toBe(key);
		expect(again.report.reused).toBeUndefined();
		// the library now holds two challenges; one like the recent one is passed over for a new draw
		for (const recent of [key, again.variantKey ?? ""]) {
			const unlike = await generator.generate({ ...request, recent: [recent] });
			expect(lookOf(unlike.variantKey ?? "")).not.toBe(lookOf(recent));
		}
	});

	it("leaves the library aside for a seeded request, which draws as a new generator would", async () => {
		const family = smallFamily("alpha", 1000);
		const generator = createOfflineGenerator(sandbox, [family]);
		await generator.generate(request);
		const seeded = await generator.generate({ ...request, seed: 7 });
		const fresh = await createOfflineGenerator(sandbox, [family]).generate({
			...request,
			seed: 7,
		});
		expect(seeded.report.reused).toBeUndefined();
		expect(seeded.variantKey).toBe(fresh.variantKey);
	});

	it("keeps nothing with a capacity of 0", async () => {
		const { sandbox: wrapped, counted } = counting();
		const generator = createOfflineGenerator(
			wrapped,
			[smallFamily("alpha", 1000)],
			{ libraryCapacity: 0 },
		);
		await generator.generate(request);
		const ran = counted.programs;
		const second = await generator.generate(request);
		expect(second.report.reused).toBeUndefined();
		expect(counted.programs).toBe(2 * ran);
	});
});

describe("ProvenLibrary", () => {
	it("drops the oldest past its capacity, and finds from any start on a shelf", () => {
		const library = new ProvenLibrary<number>(3);
		library.keep("a", "a1", 1);
		library.keep("a", "a2", 2);
		library.keep("b", "b1", 3);
		library.keep("a", "a1", 99);
		expect(library.size).toBe(3);
		expect(library.find("a", 0, () => true)?.value).toBe(1);
		expect(library.find("a", 1, () => true)?.value).toBe(2);
		expect(library.find("a", 7, (key) => key === "a1")?.value).toBe(1);
		library.keep("b", "b2", 4);
		expect(library.size).toBe(3);
		expect(library.find("a", 0, (key) => key === "a1")).toBeUndefined();
		expect(library.find("b", 0, (key) => key === "b2")?.value).toBe(4);
		library.keep("b", "b3", 5);
		library.keep("b", "b4", 6);
		expect(library.find("a", 0, () => true)).toBeUndefined();
	});
});
