import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted } from "../prose.js";

const NAMES = [
	["a", "b"],
	["x", "y"],
	["n", "k"],
	["left", "right"],
	["value", "bits"],
] as const;

interface Params {
	names: readonly [string, string];
	shape: "binary" | "shift";
	first: number;
	second: number;
}

export const bitwiseOperators = defineFamily<Params>({
	id: "javascript/bitwise-operators",
	idea: "js.bitwise-operators",
	language: "javascript",
	difficulty: "hard",
	title: "Bitwise operators",
	topics: ["bitwise", "operators", "binary", "integers", "bit manipulation"],
	params: (rng) => {
		const names = rng.pick(NAMES);
		if (rng.bool()) {
			const second = rng.int(2, 9);
			// each must have a bit the other lacks, so & differs from && and | from ||, and & from |
			const firsts = Array.from({ length: 16 }, (_, i) => i + 5).filter(
				(n) => (n & second) !== second && (n & second) !== n,
			);
			return { names, shape: "binary", first: rng.pick(firsts), second };
		}
		const shift = rng.int(1, 3);
		let first = rng.int(9, 60);
		// an exact division would make flooring and truncating agree
		if (first % 2 ** shift === 0) first += 1;
		return { names, shape: "shift", first, second: shift };
	},
	build: ({ names: [p, q], shape, first, second }) => {
		const program = (line: string) =>
			`const ${p} = ${first};\nconst ${q} = ${second};\nconsole.log(${line});\n`;
		const bits = (n: number) => n.toString(2).padStart(4, "0");
		// both numbers written with as many digits as the longer needs, so their bits line up
		const wide = (n: number) =>
			n.toString(2).padStart(Math.max(4, first.toString(2).length), "0");
		if (shape === "binary")
			return {
				code: program(`${p} ^ ${q}, ${p} & ${q}, ${p} | ${q}`),
				mistakes: [
					{
						misconception: belief`^ raises a number to a power`,
						code: program(`${p} ** ${q}, ${p} & ${q}, ${p} | ${q}`),
					},
					{
						misconception: belief`& and | are the logical && and ||`,
						code: program(`${p} ^ ${q}, ${p} && ${q}, ${p} || ${q}`),
					},
					{
						misconception: belief`& puts the bits of both numbers together and | keeps only the bits they share, as the words “and” and “or” suggest`,
						code: program(`${p} ^ ${q}, ${p} | ${q}, ${p} & ${q}`),
					},
				],
				explain: (answer) =>
					`^, & and | work on the binary digits: ${first} is ${bits(first)} and ${second} is ${bits(second)}. ` +
					`^ (XOR) keeps the bits set in exactly one of them: ${bits(first ^ second)} = ${first ^ second}; ` +
					`& keeps the bits set in both: ${bits(first & second)} = ${first & second}; | keeps the bits set in either: ${bits(first | second)} = ${first | second}. ` +
					`^ is not a power, which JavaScript writes **. It prints ${answer}.`,
				trace: [
					`${first} = ${wide(first)}, ${second} = ${wide(second)}`,
					`${first} ^ ${second}: set in exactly one, ${wide(first ^ second)} = ${first ^ second}`,
					`${first} & ${second}: set in both, ${wide(first & second)} = ${first & second}`,
					`${first} | ${second}: set in either, ${wide(first | second)} = ${first | second}`,
				],
			};
		const shifted = `${p} >> ${q}, -${p} >> ${q}`;
		return {
			code: program(`~${p}, ${shifted}`),
			mistakes: [
				{
					misconception: belief`~ only changes the sign`,
					code: program(`-${p}, ${shifted}`),
				},
				{
					misconception: belief`shifting a negative number right rounds toward zero, like dividing and dropping the fraction`,
					code: program(
						`~${p}, ${p} >> ${q}, Math.trunc(-${p} / ${2 ** second})`,
					),
				},
				{
					misconception: belief`~ flips the bits of an 8-bit number, giving 255 minus it`,
					code: program(`255 - ${p}, ${shifted}`),
				},
			],
			explain: (answer) =>
				`Bitwise operators work on 32-bit two's-complement integers. ~${first} flips every bit, and in two's complement that is -(${first} + 1) = ${~first}. ` +
				`>> ${second} shifts right by ${counted(second, "bit")}, copying the sign bit, which divides by ${2 ** second} and rounds down: ${first} >> ${second} is ${first >> second}, ` +
				`and -${first} >> ${second} is ${-first >> second}, rounded toward minus infinity rather than toward zero. It prints ${answer}.`,
			trace: [
				`~${first}: every bit flipped, -(${first} + 1) = ${~first}`,
				`${first} >> ${second}: ${first} / ${2 ** second} = ${first / 2 ** second}, rounded down to ${first >> second}`,
				`negative: -${first} >> ${second} is -${first} / ${2 ** second} = ${-first / 2 ** second}, rounded down to ${-first >> second}`,
			],
		};
	},
});
