import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "../src/sandbox/sandbox.js";
import { FAMILIES } from "../src/templates/registry.js";
import {
	distanceSums,
	editDistance,
	expectedHit,
	GUESSERS,
	measureLeaks,
	type Served,
	serveEveryFamily,
	sharedTokens,
	tokens,
} from "../testing/option-leaks.js";

const guesser = (name: string) => {
	const found = GUESSERS.find((g) => g.name === name);
	if (!found) throw new Error(`no guesser ${name}`);
	return found;
};

describe("tokens and editDistance", () => {
	it("splits words and single punctuation marks and counts token edits", () => {
		expect(tokens("[1, 22] ok!")).toEqual([
			"[",
			"1",
			",",
			"22",
			"]",
			"ok",
			"!",
		]);
		expect(editDistance(tokens("1 2 3"), tokens("1 2 3"))).toBe(0);
		expect(editDistance(tokens("1 2 3"), tokens("1 5 3"))).toBe(1);
		expect(editDistance(tokens("1 2 3"), tokens("2 3"))).toBe(1);
		expect(editDistance([], tokens("a b"))).toBe(2);
		expect(editDistance(tokens("a b"), [])).toBe(2);
	});

	it("counts the fewest insertions, deletions and substitutions between any two token lists", () => {
		// the definition, by recursion over the lists' ends
		const reference = (a: string[], b: string[]): number => {
			if (a.length === 0) return b.length;
			if (b.length === 0) return a.length;
			return Math.min(
				reference(a.slice(1), b) + 1,
				reference(a, b.slice(1)) + 1,
				reference(a.slice(1), b.slice(1)) + (a[0] === b[0] ? 0 : 1),
			);
		};
		const list = fc.array(fc.constantFrom("a", "b", "c", "1"), {
			maxLength: 6,
		});
		fc.assert(
			fc.property(list, list, (a, b) => {
				expect(editDistance(a, b)).toBe(reference(a, b));
			}),
		);
	});

	it("sums each option's distance to the others and counts tokens shared with the code", () => {
		expect(distanceSums(["a b", "a c", "d c"])).toEqual([3, 2, 3]);
		expect(sharedTokens("x = [1, 2]", ["x", "1 1 2", "y"])).toEqual([1, 2, 0]);
	});
});

describe("GUESSERS", () => {
	const star = {
		code: "print(a, b)",
		options: ["1 2", "1 3", "4 2", "9 9 9 9"],
	};

	it("closest and farthest rank options by their summed distance to the others", () => {
		expect(guesser("closest to the others").picks(star)).toEqual([0]);
		expect(guesser("farthest from the others").picks(star)).toEqual([3]);
	});

	it("longest and shortest rank options by their length, keeping ties", () => {
		expect(guesser("longest").picks(star)).toEqual([3]);
		expect(guesser("shortest").picks(star)).toEqual([0, 1, 2]);
	});

	it("picks the options sharing the most tokens with the code", () => {
		const shown = {
			code: "a = 'b'; print(a)",
			options: ["a b", "a", "c", "a c"],
		};
		expect(guesser("most tokens shared with the code").picks(shown)).toEqual([
			0,
		]);
	});

	it("scores 1/k when the answer is among k tied picks, and 0 when it is not", () => {
		const shortest = guesser("shortest");
		expect(
			expectedHit(shortest, { ...star, family: "f", correctIndex: 1 }),
		).toBe(1 / 3);
		expect(
			expectedHit(shortest, { ...star, family: "f", correctIndex: 3 }),
		).toBe(0);
	});

	it("gives no guesser an edge on a square of two mistakes and their combination", () => {
		// truth, m1, m2, m1+m2: every option is one edit from two others and two from the third
		const square = {
			code: "",
			options: ["1 2", "5 2", "1 6", "5 6"],
			family: "f",
		};
		const reports = measureLeaks(
			[0, 1, 2, 3].map((correctIndex) => ({ ...square, correctIndex })),
		);
		for (const report of reports)
			expect(report.overall, report.guesser).toBe(0.25);
	});
});

/**
 * Challenges per family: 15 of each registered family, served by the offline generator with
 * fixed seeds. At 15, one family's accuracy is coarse (a guesser at chance scores 25 ± 11 %), so
 * the per-family bar catches a family that leaks most of the time, not one that leaks a little.
 */
const PER_FAMILY = 15;
/** The most any code-blind guesser may score over all challenges (chance is 25 %). */
const MAX_OVERALL = 0.35;
/**
 * The most it may score in one family, with no exception: a family that leaks is fixed in its
 * mistakes (a belief that makes the answer neither the hub of the options nor the longest).
 */
const MAX_PER_FAMILY = 0.45;

describe("offline challenges seen without their code's meaning", () => {
	const sandbox = createSandbox();
	afterAll(() => sandbox.close());
	let served: Served[] = [];
	beforeAll(async () => {
		served = await serveEveryFamily(sandbox, FAMILIES, PER_FAMILY);
		// a sandbox run for every program of over a thousand challenges, on a shared machine
	}, 600_000);

	it(`lets no guesser pick the answer more than ${MAX_OVERALL * 100} % of the time`, () => {
		for (const report of measureLeaks(served))
			expect(report.overall, report.guesser).toBeLessThanOrEqual(MAX_OVERALL);
	});

	it(`lets no guesser pick the answer more than ${MAX_PER_FAMILY * 100} % of the time in any family`, () => {
		const over: string[] = [];
		for (const report of measureLeaks(served))
			for (const [family, { accuracy }] of report.byFamily)
				if (accuracy > MAX_PER_FAMILY)
					over.push(
						`${family}: ${report.guesser} ${(accuracy * 100).toFixed(0)} %`,
					);
		expect(over).toEqual([]);
	});
});
