import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

const NAMES = [
	["total", "size"],
	["cents", "people"],
	["balance", "weeks"],
	["offset", "step"],
	["debt", "months"],
] as const;

/** Positive operands for the easy variant: a quotient and a remainder to share out. */
const EASY_NAMES = [
	["cookies", "kids"],
	["pages", "days"],
	["cents", "people"],
	["eggs", "boxes"],
	["minutes", "slots"],
] as const;

interface Params {
	/** easy: positive operands; medium: one negative operand, where // floors and % follows the divisor */
	shape: "positive" | "negative";
	names: readonly [string, string];
	dividend: number;
	divisor: number;
}

/** A negative number in brackets, as it reads inside a sum. */
const wrap = (n: number) => (n < 0 ? `(${n})` : `${n}`);

export const floorDivision = defineFamily<Params>({
	id: "python/floor-division",
	idea: "py.integer-division",
	language: "python",
	difficulty: ["easy", "medium"],
	title: "Division, floor division and modulo",
	topics: ["division", "floor", "modulo", "operators", "arithmetic"],
	params: (rng, difficulty) => {
		if (difficulty === "easy") {
			const names = rng.pick(EASY_NAMES);
			const divisor = rng.int(2, 9);
			let dividend = rng.int(7, 60);
			// an exact quotient leaves no remainder to show, and a remainder equal to the
			// quotient would make swapping // and % print the answer
			while (
				dividend % divisor === 0 ||
				dividend % divisor === Math.floor(dividend / divisor)
			)
				dividend += 1;
			return { shape: "positive", names, dividend, divisor };
		}
		const names = rng.pick(NAMES);
		const divisor = rng.int(2, 9);
		let dividend = rng.int(7, 60);
		// an exact quotient would make floor and truncation agree
		if (dividend % divisor === 0) dividend += 1;
		return rng.bool()
			? { shape: "negative", names, dividend: -dividend, divisor }
			: { shape: "negative", names, dividend, divisor: -divisor };
	},
	build: ({ shape, names: [a, b], dividend, divisor }) => {
		const program = (line: string, header = "") =>
			`${header}${a} = ${dividend}\n${b} = ${divisor}\nprint(${line})\n`;
		const quotient = dividend / divisor;
		const floor = Math.floor(quotient);
		const truncated = Math.trunc(quotient);
		const remainder = dividend - divisor * floor;
		const trace = [
			`${a} / ${b} → ${dividend} / ${divisor} → ${quotient}`,
			`${a} // ${b} → ${dividend} // ${divisor} → ${floor} (${quotient} rounded down)`,
			`${a} % ${b} → ${dividend} % ${divisor} → ${remainder}, since ${wrap(divisor)} * ${wrap(floor)} + ${wrap(remainder)} == ${dividend}`,
		];
		const python2 = {
			misconception: belief`/ between two integers gives an integer, as it did in Python 2`,
			code: program(`${a} // ${b}, ${a} // ${b}, ${a} % ${b}`),
		};
		const floatFloor = {
			misconception: belief`// gives a float like /, only rounded down`,
			code: program(`${a} / ${b}, float(${a} // ${b}), ${a} % ${b}`),
		};
		if (shape === "positive")
			return {
				code: program(`${a} / ${b}, ${a} // ${b}, ${a} % ${b}`),
				// one belief per printed value where it can be, so two mistakes combine into squares
				mistakes: [
					python2,
					{
						misconception: belief`// rounds the quotient to the nearest whole number, as round() does`,
						code: program(`${a} / ${b}, int(${a} / ${b} + 0.5), ${a} % ${b}`),
					},
					{
						misconception: belief`% gives how many times one number goes into the other, and // the remainder`,
						code: program(`${a} / ${b}, ${a} % ${b}, ${a} // ${b}`),
					},
					floatFloor,
				],
				explain: (answer) =>
					`${a} / ${b} is true division and gives a float even between two integers, here ${quotient}. ` +
					`${a} // ${b} is floor division: the quotient rounded down to a whole number, ${floor}, and it stays an integer. ` +
					`${a} % ${b} is the remainder, what is left over: ${divisor} * ${floor} + ${remainder} == ${dividend}, so it is ${remainder}. ` +
					`The line prints ${answer}.`,
				trace,
			};
		return {
			code: program(`${a} / ${b}, ${a} // ${b}, ${a} % ${b}`),
			// one belief per printed value, so two mistakes combine and the options form squares
			mistakes: [
				python2,
				{
					misconception: belief`// rounds toward zero, as integer division does in C or Java`,
					code: program(`${a} / ${b}, int(${a} / ${b}), ${a} % ${b}`),
				},
				{
					misconception: belief`the result of % takes the sign of the left number, as it does in C, Java and JavaScript`,
					code: program(
						`${a} / ${b}, ${a} // ${b}, ${a} - ${b} * int(${a} / ${b})`,
					),
				},
				floatFloor,
			],
			explain: (answer) =>
				`${a} / ${b} is true division and always gives a float. ${a} // ${b} rounds the quotient down, toward negative infinity, ` +
				`so it is ${floor}, not ${truncated}, and between two integers it stays an integer. % goes with //: ${wrap(divisor)} * ${wrap(floor)} + ${wrap(remainder)} == ${dividend}, so ${a} % ${b} is ${remainder}, ` +
				`which has the sign of the divisor. The line prints ${answer}.`,
			trace,
		};
	},
});
