import { defineFamily } from "../family.js";

const NAMES = [
	["total", "size"],
	["cents", "people"],
	["balance", "weeks"],
	["offset", "step"],
	["debt", "months"],
] as const;

interface Params {
	names: readonly [string, string];
	dividend: number;
	divisor: number;
}

export const floorDivision = defineFamily<Params>({
	id: "python/floor-division",
	language: "python",
	difficulty: "easy",
	title: "Division and modulo with negative numbers",
	topics: ["division", "floor", "modulo", "operators", "arithmetic"],
	params: (rng) => {
		const names = rng.pick(NAMES);
		const divisor = rng.int(2, 9);
		let dividend = rng.int(7, 60);
		// an exact quotient would make floor and truncation agree
		if (dividend % divisor === 0) dividend += 1;
		return rng.bool()
			? { names, dividend: -dividend, divisor }
			: { names, dividend, divisor: -divisor };
	},
	build: ({ names: [a, b], dividend, divisor }) => {
		const program = (line: string, header = "") =>
			`${header}${a} = ${dividend}\n${b} = ${divisor}\nprint(${line})\n`;
		const floor = Math.floor(dividend / divisor);
		const truncated = Math.trunc(dividend / divisor);
		const remainder = dividend - divisor * floor;
		const wrap = (n: number) => (n < 0 ? `(${n})` : `${n}`);
		return {
			code: program(`${a} / ${b}, ${a} // ${b}, ${a} % ${b}`),
			// one belief per printed value, so two mistakes combine and the options form squares
			mistakes: [
				{
					misconception:
						"/ between two integers gives an integer, as it did in Python 2",
					code: program(`${a} // ${b}, ${a} // ${b}, ${a} % ${b}`),
				},
				{
					misconception:
						"// rounds toward zero, as integer division does in C or Java",
					code: program(`${a} / ${b}, int(${a} / ${b}), ${a} % ${b}`),
				},
				{
					misconception:
						"the result of % takes the sign of the left number, as it does in C, Java and JavaScript",
					code: program(
						`${a} / ${b}, ${a} // ${b}, ${a} - ${b} * int(${a} / ${b})`,
					),
				},
				{
					misconception: "// gives a float like /, only rounded down",
					code: program(`${a} / ${b}, float(${a} // ${b}), ${a} % ${b}`),
				},
			],
			explain: (answer) =>
				`${a} / ${b} is true division and always gives a float. ${a} // ${b} rounds the quotient down, toward negative infinity, ` +
				`so it is ${floor}, not ${truncated}, and between two integers it stays an integer. % goes with //: ${wrap(divisor)} * ${wrap(floor)} + ${wrap(remainder)} == ${dividend}, so ${a} % ${b} is ${remainder}, ` +
				`which has the sign of the divisor. The line prints ${answer}.`,
		};
	},
});
