import { describe, expect, it } from "vitest";
import { assembleOptions, nearMisses } from "./distractors.js";
import { createRng } from "./rng.js";

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
			{ text: "4", misconception: "a" },
			{ text: "4", misconception: "b" },
			{ text: "7", misconception: "c" },
		];
		const result = assembleOptions("5", candidates, createRng(1));
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
			[{ text: "[ 9, 9 ]", misconception: "x" }],
			createRng(3),
		);
		const fillers =
			result?.distractors
				.filter((d) => d.misconception === null)
				.map((d) => d.text) ?? [];
		expect(fillers.length).toBe(2);
		for (const filler of fillers) expect(filler).not.toContain("1, 2, 3");
	});

	it("gives up rather than repeat an option", () => {
		expect(assembleOptions("", [], createRng(1))).toBeNull();
	});
});
