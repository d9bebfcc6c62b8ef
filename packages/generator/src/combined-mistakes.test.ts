import { describe, expect, it } from "vitest";
import { combinedMistakes, mistakePrograms } from "./combined-mistakes.js";
import { belief, bothBeliefs } from "./templates/belief.js";

const code = "x = [1, 2, 3]\ny = x\ny.append(4)\nprint(x[0], len(x))";

describe("combinedMistakes", () => {
	it("applies two mistakes that change different places, naming both misconceptions", () => {
		const combined = combinedMistakes(code, [
			{ misconception: belief`a`, code: code.replace("y = x", "y = x[:]") },
			{ misconception: belief`b`, code: code.replace("x[0]", "x[1]") },
		]);
		expect(combined).toEqual([
			{
				misconception: bothBeliefs(belief`a`, belief`b`),
				code: "x = [1, 2, 3]\ny = x[:]\ny.append(4)\nprint(x[1], len(x))",
			},
		]);
	});

	it("leaves out mistakes that change the same pieces or pieces next to each other", () => {
		expect(
			combinedMistakes(code, [
				{ misconception: belief`a`, code: code.replace("x[0]", "x[1]") },
				{ misconception: belief`b`, code: code.replace("x[0]", "x[2]") },
				{ misconception: belief`c`, code: code.replace("x[0]", "x[-0]") },
			]),
		).toEqual([]);
	});
});

describe("mistakePrograms", () => {
	it("lists the single mistakes first, then their combinations", () => {
		const programs = mistakePrograms({
			code,
			mistakes: [
				{ misconception: belief`a`, code: code.replace("3]", "3, 5]") },
				{
					misconception: belief`b`,
					code: code.replace("append(4)", "append(5)"),
				},
			],
		});
		expect(programs.map((p) => p.origin)).toEqual([
			"mistake",
			"mistake",
			"combination",
		]);
	});
});
