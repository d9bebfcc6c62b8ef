import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

const NAMES = [
	["qty", "extra"],
	["input", "step"],
	["price", "tax"],
	["count", "bonus"],
	["width", "margin"],
] as const;

interface Params {
	names: readonly [string, string];
	text: number;
	number: number;
	operator: "*" | "-";
	stringFirst: boolean;
}

export const stringNumberCoercion = defineFamily<Params>({
	id: "javascript/string-number-coercion",
	idea: "js.type-coercion",
	language: "javascript",
	difficulty: "easy",
	title: "Strings and numbers with + and other operators",
	topics: ["operators", "coercion", "strings", "numbers", "types"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		text: rng.int(2, 9),
		number: rng.int(2, 9),
		operator: rng.pick(["*", "-"] as const),
		stringFirst: rng.bool(),
	}),
	build: ({ names: [s, n], text, number, operator, stringFirst }) => {
		const chain = stringFirst ? `${s} + ${n} + ${n}` : `${n} + ${n} + ${s}`;
		const program = (declared: string, second: string, third: string) =>
			`const ${s} = ${declared};\nconst ${n} = ${number};\nconsole.log(${s} + ${n}, ${second}, ${third});\n`;
		const quoted = `"${text}"`;
		const arithmetic = `${s} ${operator} ${n}`;
		const value = operator === "*" ? text * number : text - number;
		return {
			code: program(quoted, arithmetic, chain),
			mistakes: [
				{
					misconception: belief`+ turns the numeric string ${quoted} into a number, as ${operator} does`,
					code: program(`${text}`, arithmetic, chain),
				},
				stringFirst
					? {
							misconception: belief`the two numbers in ${chain} are added first and only then joined to the string`,
							code: program(quoted, arithmetic, `${s} + (${n} + ${n})`),
						}
					: {
							misconception: belief`once a string appears anywhere in ${chain}, every + joins text`,
							code: program(quoted, arithmetic, `String(${n}) + ${n} + ${s}`),
						},
				operator === "*"
					? {
							misconception: belief`a string times a number repeats the string, as in Python`,
							code: program(quoted, `${s}.repeat(${n})`, chain),
						}
					: {
							misconception: belief`arithmetic with a string always gives NaN`,
							code: program(quoted, "NaN", chain),
						},
			],
			explain: (answer) =>
				`+ joins text as soon as either side is a string, so ${s} + ${n} is "${text}${number}". ` +
				`${operator} only works on numbers, so it converts ${quoted} and gives ${value}. ` +
				`+ runs left to right: ${stringFirst ? `${s} + ${n} is already a string, so the second + joins too` : `${n} + ${n} adds two numbers first, and only then is ${number * 2} joined to ${quoted}`}. ` +
				`It prints ${answer}.`,
			trace: [
				`${s} + ${n} → ${quoted} + ${number} = "${text}${number}" (+ with a string joins)`,
				`${arithmetic} → ${text} ${operator} ${number} = ${value} (${operator} converts ${quoted} to a number)`,
				stringFirst
					? `${chain} → "${text}${number}" + ${number} = "${text}${number}${number}"`
					: `${chain} → ${number} + ${number} = ${number * 2}, then ${number * 2} + ${quoted} = "${number * 2}${text}"`,
			],
		};
	},
});
