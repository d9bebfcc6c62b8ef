import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted } from "../prose.js";

const NAMES = [
	["a", "b"],
	["x", "y"],
	["flags", "mask"],
	["n", "m"],
	["left", "right"],
	["value", "bits"],
] as const;
const FUNCTIONS = ["ones", "popcount", "set_bits", "count_bits"];
const SHIFTS = ["k", "shift", "places", "by"];
const SHAPES = ["operators", "shifts", "count"] as const;

interface Params {
	names: readonly [string, string];
	shape: (typeof SHAPES)[number];
	first: number;
	second: number;
	/** write the numbers as 0b… literals */
	binary: boolean;
	fn: string;
	/** the name of the shift amount */
	shift: string;
}

const bin = (n: number) => n.toString(2);
const ones = (n: number) => [...bin(n)].filter((d) => d === "1").length;
/** & read as a logical and: n becomes 1 while n and n - 1 are both non-zero, then 0 */
const logical = (n: number) => Math.min(n, 2);
/** What each belief about the counting loop predicts: set bits, n itself, binary digits, & as a logical and. */
const counts = (n: number) => [ones(n), n, bin(n).length, logical(n)];

export const bitManipulation = defineFamily<Params>({
	id: "python/bit-manipulation",
	idea: "py.bitwise-operators",
	language: "python",
	difficulty: "hard",
	title: "Bit manipulation on integers",
	topics: [
		"bitwise",
		"bit manipulation",
		"binary",
		"integers",
		"operators",
		"masks",
	],
	params: (rng) => {
		const names = rng.pick(NAMES);
		const shape = rng.pick(SHAPES);
		const binary = rng.bool();
		const fn = rng.pick(FUNCTIONS);
		const shift = rng.pick(SHIFTS);
		for (;;) {
			if (shape === "operators") {
				const first = rng.int(3, 31);
				const second = rng.int(2, 6);
				// each has a bit the other lacks, so & and | differ from `and` and `or`
				if ((first & second) !== first && (first & second) !== second)
					return { names, shape, first, second, binary, fn, shift };
			} else if (shape === "shifts") {
				const first = rng.int(5, 63);
				const second = rng.int(2, 3);
				// bit 0 and bit `second` differ, so (n & 1) << k is not n & (1 << k)
				if ((first & 1) !== ((first >> second) & 1))
					return { names, shape, first, second, binary, fn, shift };
			} else {
				const first = rng.int(9, 120);
				const second = rng.int(9, 120);
				const beliefs = [0, 1, 2, 3].map((i) =>
					[first, second].map((n) => counts(n)[i]).join(" "),
				);
				if (first !== second && new Set(beliefs).size === 4)
					return { names, shape, first, second, binary, fn, shift };
			}
		}
	},
	build: (p) =>
		p.shape === "operators"
			? operators(p)
			: p.shape === "shifts"
				? shifts(p)
				: counting(p),
});

const literal = (n: number, binary: boolean) =>
	binary ? `0b${bin(n)}` : `${n}`;

function operators({ names: [x, y], first, second, binary }: Params) {
	const program = (line: string) =>
		`${x} = ${literal(first, binary)}\n${y} = ${literal(second, binary)}\nprint(${line})\n`;
	const width = bin(Math.max(first, second)).length;
	const pad = (n: number) => bin(n).padStart(width, "0");
	const flipped = 2 ** bin(first).length - 1 - first;
	return {
		code: program(`${x} & ${y}, ${x} | ${y}, ${x} ^ ${y}, ~${x}`),
		trace: [
			`${x} = ${first} = ${pad(first)}, ${y} = ${second} = ${pad(second)}`,
			`${x} & ${y} → ${pad(first & second)} → ${first & second}`,
			`${x} | ${y} → ${pad(first | second)} → ${first | second}`,
			`${x} ^ ${y} → ${pad(first ^ second)} → ${first ^ second}`,
			`~${x} → -(${first} + 1) → ${-first - 1}`,
		],
		mistakes: [
			{
				misconception: belief`^ raises a number to a power`,
				code: program(`${x} & ${y}, ${x} | ${y}, ${x} ** ${y}, ~${x}`),
			},
			{
				misconception: belief`& and | are the logical \`and\` and \`or\``,
				code: program(`${x} and ${y}, ${x} or ${y}, ${x} ^ ${y}, ~${x}`),
			},
			{
				misconception: belief`~ only changes the sign, so ~${x} is -${x}`,
				code: program(`${x} & ${y}, ${x} | ${y}, ${x} ^ ${y}, -${x}`),
			},
			{
				misconception: belief`~ flips just the ${bin(first).length} binary digits of ${first} (${bin(first)} becomes ${pad(flipped).slice(-bin(first).length)})`,
				code: program(`${x} & ${y}, ${x} | ${y}, ${x} ^ ${y}, ${flipped}`),
			},
		],
		explain: (answer: string) =>
			`&, | and ^ work on the binary digits: ${first} is ${pad(first)} and ${second} is ${pad(second)}. ` +
			`& keeps the bits set in both (${pad(first & second)} = ${first & second}), | the bits set in either (${pad(first | second)} = ${first | second}), ` +
			`and ^ the bits set in exactly one (${pad(first ^ second)} = ${first ^ second}); ^ is not a power, which Python writes **. ` +
			`~ flips every bit of a Python int, which has no fixed width: in two's complement that is -(${first} + 1) = ${-first - 1}. It prints ${answer}.`,
	};
}

function shifts({ names: [x], shift: k, first, second, binary }: Params) {
	const program = (line: string) =>
		`${x} = ${literal(first, binary)}\n${k} = ${second}\nprint(${line})\n`;
	const masked = first & (1 << second);
	return {
		code: program(`${x} << ${k}, ${x} >> ${k}, ${x} & 1 << ${k}`),
		trace: [
			`${x} << ${k} → ${bin(first)} << ${second} → ${bin(first << second)} → ${first << second}`,
			`${x} >> ${k} → ${bin(first)} >> ${second} → ${bin(first >> second)} → ${first >> second}`,
			`1 << ${k} goes first, as << binds tighter than & → ${bin(1 << second)} → ${1 << second}`,
			`${x} & ${1 << second} → ${bin(first)} & ${bin(1 << second).padStart(bin(first).length, "0")} → ${masked}`,
		],
		mistakes: [
			{
				misconception: belief`<< ${second} multiplies by ${second} and >> ${second} divides by ${second}`,
				code: program(`${x} * ${k}, ${x} // ${k}, ${x} & 1 << ${k}`),
			},
			{
				misconception: belief`& binds tighter than <<, so ${x} & 1 << ${k} is (${x} & 1) << ${k}`,
				code: program(`${x} << ${k}, ${x} >> ${k}, (${x} & 1) << ${k}`),
			},
			{
				misconception: belief`<< moves the bits to the right and >> to the left`,
				code: program(`${x} >> ${k}, ${x} << ${k}, ${x} & 1 << ${k}`),
			},
		],
		explain: (answer: string) =>
			`${first} is ${bin(first)}. ${x} << ${second} shifts its bits ${second} places left, multiplying by 2**${second} = ${2 ** second}: ${first << second}. ` +
			`${x} >> ${second} shifts them right, dropping the last ${second}, which divides by ${2 ** second} and rounds down: ${first >> second}. ` +
			`<< binds tighter than &, so ${x} & 1 << ${second} is ${x} & ${1 << second}, which keeps bit ${second} of ${first}: ${masked}. It prints ${answer}.`,
	};
}

function counting({ names: [x], first, second, binary, fn }: Params) {
	const program = (body: string[]) =>
		[
			`def ${fn}(${x}):`,
			...body.map((line) => `    ${line}`),
			"",
			`print(${fn}(${literal(first, binary)}), ${fn}(${literal(second, binary)}))`,
			"",
		].join("\n");
	const loop = (step: string) => [
		"count = 0",
		`while ${x}:`,
		`    ${step}`,
		"    count += 1",
		"return count",
	];
	const steps = (n: number) => {
		const seen = [bin(n)];
		for (let m = n; m; m &= m - 1) seen.push(bin(m & (m - 1)));
		return seen.join(" → ");
	};
	return {
		code: program(loop(`${x} &= ${x} - 1`)),
		trace: [
			...[first, second].map(
				(n) =>
					`${fn}(${literal(n, binary)}): ${steps(n)}, ${counted(ones(n), "pass", "passes")}`,
			),
			`print → ${ones(first)} ${ones(second)}`,
		],
		mistakes: [
			{
				misconception: belief`${x} &= ${x} - 1 just subtracts 1, so the loop runs ${x} times`,
				code: program(loop(`${x} -= 1`)),
			},
			{
				misconception: belief`each pass removes one binary digit, so the loop counts the digits of ${x}`,
				code: program(loop(`${x} >>= 1`)),
			},
			{
				misconception: belief`& is a logical and, as && is in C or Java, so ${x} & (${x} - 1) is 1 while both sides are non-zero and 0 after that`,
				code: program(loop(`${x} = int(${x} != 0 and ${x} - 1 != 0)`)),
			},
		],
		explain: (answer: string) =>
			`${x} & (${x} - 1) clears the lowest set bit of ${x}: subtracting 1 turns that bit off and the zeros below it on, and & keeps only what both share. ` +
			`So the loop runs once per 1 bit. ${first} goes ${steps(first)} (${counted(ones(first), "pass", "passes")}), and ${second} goes ${steps(second)} (${counted(ones(second), "pass", "passes")}). It prints ${answer}.`,
	};
}
