import { afterAll, describe, expect, it } from "vitest";
import { proveFillIn } from "../src/kinds/fill-in.js";
import { changeOption, proveFix } from "../src/kinds/fix-the-bug.js";
import type { Proven } from "../src/kinds/proof.js";
import { createOfflineGenerator } from "../src/providers/offline.js";
import { createSandbox } from "../src/sandbox/sandbox.js";
import { type Belief, belief } from "../src/templates/belief.js";
import {
	BLANK,
	defineFamily,
	type FillInFamily,
	type FixTheBugFamily,
} from "../src/templates/family.js";

const sandbox = createSandbox();
afterAll(() => sandbox.close());

const proven = (proof: Proven | string): Proven => {
	if (typeof proof === "string") throw new Error(proof);
	return proof;
};
const texts = (proof: Proven) => proof.candidates.map((c) => c.text);

/** Fill in `n * 2`; among the wrong fillings one prints the same, one raises, one never ends. */
const doubling = defineFamily<null>({
	id: "python/doubling-blank",
	idea: "py.integer-division",
	language: "python",
	difficulty: "easy",
	kind: "fill-in",
	title: "Doubling",
	topics: ["doubling"],
	params: () => null,
	build: () => ({
		code: `n = 4\nprint(${BLANK})\n`,
		answer: "n * 2",
		wrong: [
			{ option: "n + 2", misconception: belief`doubling adds two` },
			{ option: "n ** 2", misconception: belief`doubling squares` },
			{ option: "n + n", misconception: belief`adding n to itself differs` },
			{
				option: "n / 0",
				misconception: belief`dividing by zero gives infinity`,
			},
			{
				option: "len([i for i in iter(int, 1)])",
				misconception: belief`an endless iterator stops`,
			},
		],
		explain: (output) => `n * 2 is ${output}.`,
	}),
}) as FillInFamily;

/** total() skips the first item; the fix iterates over all of them. */
const total = (
	wrong: { line: number; text: string; misconception: Belief }[],
	language: "python" | "javascript" = "python",
) =>
	defineFamily<null>({
		id: `${language}/total-bug`,
		idea:
			language === "python" ? "py.loop-accumulators" : "js.loop-accumulators",
		language,
		difficulty: ["easy", "medium"],
		kind: "fix-the-bug",
		title: "Summing a list",
		topics: ["loops"],
		params: () => null,
		build: () =>
			language === "python"
				? {
						code: 'def total(xs):\n    """The sum of xs."""\n    result = 0\n    for x in xs[1:]:\n        result += x\n    return result\n',
						fix: { line: 4, text: "    for x in xs:" },
						wrong,
						reference: "def total(xs):\n    return sum(xs)\n",
						examples: ["total([4, 5])", "total([])"],
						explain: (failing) => `${failing.call} skips the first item.`,
					}
				: {
						code: "// The sum of xs.\nfunction total(xs) {\n  let result = 0;\n  for (let i = 1; i < xs.length; i++) result += xs[i];\n  return result;\n}\n",
						fix: {
							line: 4,
							text: "  for (let i = 0; i < xs.length; i++) result += xs[i];",
						},
						wrong,
						reference:
							"function total(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n",
						examples: ["total([4, 5])", "total([])"],
						explain: (failing) => `${failing.call} skips the first item.`,
					},
	}) as FixTheBugFamily;

const PYTHON_WRONG = [
	{
		line: 4,
		text: "    for x in xs[:-1]:",
		misconception: belief`the last item is extra`,
	},
	{
		line: 3,
		text: "    result = xs[0]",
		misconception: belief`result starts at the first item`,
	},
	{ line: 5, text: "        result = x", misconception: belief`= adds` },
	{
		line: 4,
		text: "    for x in list(xs):",
		misconception: belief`a copy is needed`,
	},
	{
		line: 4,
		text: "    for x in xs[1:]:",
		misconception: belief`the loop is right`,
	},
];

describe("fill-in questions", () => {
	it("state what the answer's program prints, and offer only fillings proven not to print it", async () => {
		const family = doubling;
		const proof = proven(
			await proveFillIn(sandbox, family, family.build(null)),
		);
		expect(proof.answer).toBe("n * 2");
		expect(proof.code).toBe(`n = 4\nprint(${BLANK})\n\n# It prints:\n# 8\n`);
		// "n + n" prints 8 too, so it is a second right answer; the endless one proves nothing
		expect(texts(proof)).toEqual(["n + 2", "n ** 2", "n / 0"]);
		expect(proof.runs).toBe(6);
		expect(proof.why).toBe("n * 2 is 8.");
	});

	it("refuse a snippet without exactly one blank", async () => {
		const instance = { ...doubling.build(null), code: "print(1)\n" };
		expect(await proveFillIn(sandbox, doubling, instance)).toMatch(/one blank/);
	});

	it("refuse an output whose line ends in spaces, which a comment under the code cannot show", async () => {
		const instance = {
			...doubling.build(null),
			code: `n = 4\nprint(${BLANK}, "")\n`,
		};
		expect(await proveFillIn(sandbox, doubling, instance)).toMatch(
			/ends a line in spaces/,
		);
	});
});

describe("fix-the-bug questions", () => {
	it("show the first failing example, and offer only changes that fail an example", async () => {
		const family = total(PYTHON_WRONG);
		const proof = proven(await proveFix(sandbox, family, family.build(null)));
		expect(proof.answer).toBe("line 4: for x in xs:");
		expect(
			proof.code.endsWith(
				"\n\n# total([4, 5]) should return 9, but returns 5\n",
			),
		).toBe(true);
		// list(xs) fixes it too, and the last leaves the line as it is
		expect(texts(proof)).toEqual([
			"line 4: for x in xs[:-1]:",
			"line 3: result = xs[0]",
			"line 5: result = x",
		]);
		expect(proof.why).toBe("total([4, 5]) skips the first item.");
	});

	it("name an exception the shown code raises as the failure", async () => {
		const family = total(PYTHON_WRONG);
		const instance = family.build(null);
		const raising = {
			...instance,
			code: instance.code.replace("xs[1:]", "xs[1:] + [None]"),
			fix: { line: 4, text: "    for x in xs:" },
		};
		const proof = proven(await proveFix(sandbox, family, raising));
		expect(proof.code).toContain(
			"# total([4, 5]) should return 9, but raises TypeError",
		);
	});

	it("refuse an instance whose fix does not pass, or whose shown code already does", async () => {
		const family = total(PYTHON_WRONG);
		const instance = family.build(null);
		expect(
			await proveFix(sandbox, family, {
				...instance,
				fix: { line: 4, text: "    for x in xs[2:]:" },
			}),
		).toMatch(/fix does not pass/);
		expect(
			await proveFix(sandbox, family, {
				...instance,
				code: instance.code.replace("xs[1:]", "xs"),
			}),
		).toMatch(/passes every example/);
	});

	it("refuse a fix or a change naming a line the code does not have", async () => {
		const family = total(PYTHON_WRONG);
		const instance = family.build(null);
		for (const line of [0, 7, 99])
			expect(
				await proveFix(sandbox, family, {
					...instance,
					fix: { line, text: "    for x in xs:" },
				}),
			).toMatch(/a line the code does not have/);
		expect(
			await proveFix(sandbox, family, {
				...instance,
				wrong: [
					...instance.wrong,
					{
						line: 42,
						text: "    pass",
						misconception: belief`a function can be fixed anywhere`,
					},
				],
			}),
		).toMatch(/a line the code does not have/);
	});

	it("number JavaScript lines as shown, under the strict-mode directive", async () => {
		const family = total(
			[
				{
					line: 3,
					text: "  let result = 1;",
					misconception: belief`sums start at one`,
				},
				{
					line: 5,
					text: "  return result + 1;",
					misconception: belief`a count needs one more`,
				},
				{
					line: 5,
					text: "  return xs.length;",
					misconception: belief`the length is the sum`,
				},
			],
			"javascript",
		);
		const instance = family.build(null);
		const proof = proven(await proveFix(sandbox, family, instance));
		const shown = proof.code.split("\n");
		expect(shown[0]).toBe('"use strict";');
		expect(proof.answer).toBe(changeOption(instance.fix));
		expect(instance.fix.line).toBe(5);
		expect(shown[instance.fix.line - 1]).toContain("let i = 1");
		expect(proof.code).toContain(
			"// total([4, 5]) should return 9, but returns 5",
		);
		expect(texts(proof)).toHaveLength(3);
	});
});

describe("the offline generator", () => {
	it("serves fill-in and fix-the-bug challenges with their own titles and notes", async () => {
		const generator = createOfflineGenerator(sandbox, [
			doubling,
			total(PYTHON_WRONG),
		]);
		const fill = await generator.generate({
			language: "python",
			difficulty: "easy",
			topic: "doubling",
			seed: 1,
		});
		expect(fill.challenge).toMatchObject({
			kind: "fill-in",
			title: "Doubling: what fills the blank?",
			verification: "executed",
		});
		expect(fill.challenge.options[fill.challenge.correct_answer_id]).toBe(
			"n * 2",
		);
		expect(fill.challenge.explanation).toContain(
			"is what you would choose if you thought that",
		);
		const fix = await generator.generate({
			language: "python",
			difficulty: "medium",
			seed: 2,
		});
		expect(fix.challenge).toMatchObject({
			kind: "fix-the-bug",
			difficulty: "medium",
			title: "Summing a list: which change fixes it?",
		});
		expect([...fix.challenge.options].sort()).toEqual(
			[
				"line 4: for x in xs:",
				"line 4: for x in xs[:-1]:",
				"line 3: result = xs[0]",
				"line 5: result = x",
			].sort(),
		);
	});
});
