import { describe, expect, it } from "vitest";
import { assembleOptions, nearMisses } from "./distractors.js";
import { createRng } from "./rng.js";
import { belief, bothBeliefs } from "./templates/belief.js";

describe("nearMisses", () => {
	it("changes one number, flips a boolean, or drops the last list item", () => {
		expect(nearMisses("3")).toEqual(expect.arrayContaining(["4", "2", "6"]));
		expect(nearMisses("True")).toContain("False");
		expect(nearMisses("[ 1, 2, 3 ]")).toContain("[ 1, 2 ]");
	});

	it("never contains the text it started from", () => {
		for (const text of [
			"12 [ 1, 2 ]",
			"true",
			"a\nb",
			"honi",
			"0.30000000000000004",
		]) {
			expect(nearMisses(text)).not.toContain(text);
		}
	});
});

describe("assembleOptions", () => {
	it("puts the answer and three distinct wrong options in an order that depends on the seed", () => {
		const candidates = [
			{ text: "4", origin: "mistake", misconception: belief`a` },
			{ text: "4", origin: "mistake", misconception: belief`b` },
			{ text: "7", origin: "mistake", misconception: belief`c` },
		] as const;
		const result = assembleOptions("5", [...candidates], createRng(1));
		expect(result).not.toBeNull();
		expect(new Set(result?.options).size).toBe(4);
		expect(result?.options[result.correctIndex]).toBe("5");
		expect(result?.distractors.map((d) => d.text)).toEqual(
			expect.arrayContaining(["4", "7"]),
		);
	});

	it("prefers near misses of wrong answers to near misses of the answer", () => {
		const result = assembleOptions(
			"[ 1, 2, 3 ]",
			[{ text: "[ 9, 9 ]", origin: "mistake", misconception: belief`x` }],
			createRng(3),
		);
		const fillers =
			result?.distractors
				.filter((d) => d.misconception === null)
				.map((d) => d.text) ?? [];
		expect(fillers.length).toBe(2);
		for (const filler of fillers) expect(filler).not.toContain("1, 2, 3");
	});

	it("turns two mistakes and their combination into a square instead of a star around the answer", () => {
		const candidates = [
			{ text: "5 2", origin: "mistake", misconception: belief`a` },
			{ text: "1 6", origin: "mistake", misconception: belief`b` },
			{ text: "1 2 3", origin: "mistake", misconception: belief`c` },
			{
				text: "5 6",
				origin: "combination",
				misconception: bothBeliefs(belief`a`, belief`b`),
			},
		] as const;
		for (let seed = 0; seed < 20; seed++) {
			const result = assembleOptions("1 2", [...candidates], createRng(seed));
			expect(result?.distractors.every((d) => d.misconception)).toBe(true);
		}
		const picked = Array.from({ length: 40 }, (_, seed) =>
			assembleOptions("1 2", [...candidates], createRng(seed)),
		).filter((r) => r?.options.includes("5 6"));
		expect(picked.length).toBeGreaterThan(0);
	});

	it("never serves the star in which the answer is the one option a step from every other", () => {
		const candidates = [
			{ text: "x b c", origin: "mistake", misconception: belief`a` },
			{ text: "a y c", origin: "mistake", misconception: belief`b` },
			{ text: "a b z", origin: "mistake", misconception: belief`c` },
			{
				text: "x y c",
				origin: "combination",
				misconception: bothBeliefs(belief`a`, belief`b`),
			},
		] as const;
		for (let seed = 0; seed < 30; seed++) {
			const result = assembleOptions("a b c", [...candidates], createRng(seed));
			expect(result?.options).toContain("x y c");
		}
	});

	it("gives up rather than repeat an option", () => {
		expect(assembleOptions("", [], createRng(1))).toBeNull();
	});
});
