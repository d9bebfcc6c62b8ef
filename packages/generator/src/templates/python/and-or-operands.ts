import { defineFamily } from "../family.js";

const FALSY = ['""', "0", "[]", "None", "0.0"];
const TRUTHY = ['"Ada"', '"guest"', "7", "[1]", "-1", '"n/a"', "3.5", '"0"'];
const NAMES = [
	["a", "b", "c"],
	["x", "y", "z"],
	["first", "second", "third"],
	["left", "middle", "right"],
	["p", "q", "r"],
	["name", "alias", "backup"],
] as const;
const KINDS = ["default", "guard", "precedence"] as const;

type Kind = (typeof KINDS)[number];

interface Params {
	/** the variables in the order they are assigned */
	declared: readonly string[];
	/** the same variables by role: the first holds the falsy value, the other two the truthy ones */
	names: readonly string[];
	values: readonly [string, string, string];
	/** the printed terms, in order */
	order: Kind[];
	/** each term's operands, as indexes into names */
	operands: Record<Kind, number[]>;
}

/** How Python prints a literal inside a list: strings in single quotes. */
const shown = (literal: string) =>
	literal.startsWith('"') ? `'${literal.slice(1, -1)}'` : literal;

/** The value a term evaluates to, as an index into names. */
function resultOf(kind: Kind, [x = 0, y = 0]: number[]): number {
	if (kind === "default") return y;
	if (kind === "guard") return x === 0 ? x : y;
	return x;
}

export const andOrOperands = defineFamily<Params>({
	id: "python/and-or-operands",
	language: "python",
	difficulty: "easy",
	title: 'What "and" and "or" return',
	topics: ["boolean operators", "operators", "precedence", "truthiness"],
	params: (rng) => {
		const [first, second] = rng.sample(TRUTHY, 2);
		const t = rng.pick([1, 2]);
		const declared = rng.pick(NAMES);
		return {
			declared,
			names: rng.shuffle(declared),
			values: [rng.pick(FALSY), first ?? "1", second ?? "2"],
			order: rng.shuffle(KINDS),
			operands: {
				default: [0, t],
				guard: rng.pick([
					[t, 3 - t],
					[0, t],
					[t, 0],
				]),
				// `X or Y and Z` reads differently from left to right only when X is truthy and Z is not X
				precedence: rng.pick([
					[t, 0, 3 - t],
					[t, 3 - t, 0],
				]),
			},
		};
	},
	build: ({ declared, names, values, order, operands }) => {
		const [x, y, z] = operands.precedence.map((i) => names[i]);
		const [g, h] = operands.guard.map((i) => names[i]);
		const text = (kind: Kind) => {
			const [a, b] = operands[kind].map((i) => names[i]);
			if (kind === "default") return `${a} or ${b}`;
			if (kind === "guard") return `${a} and ${b}`;
			return `${x} or ${y} and ${z}`;
		};
		const program = (render: (kind: Kind) => string) =>
			`${declared.map((n) => `${n} = ${values[names.indexOf(n)]}`).join("\n")}\nprint([${order.map(render).join(", ")}])\n`;
		const firstTruthy = names[operands.guard.find((i) => i !== 0) ?? 1];
		return {
			code: program(text),
			mistakes: [
				{
					misconception: '"and" and "or" always give True or False',
					code: program((kind) => `bool(${text(kind)})`),
				},
				{
					misconception: `"and" and "or" have the same precedence, so ${text("precedence")} is read from left to right`,
					code: program((kind) =>
						kind === "precedence" ? `(${x} or ${y}) and ${z}` : text(kind),
					),
				},
				{
					misconception: `"and" returns its first truthy operand, as "or" does, so ${g} and ${h} gives ${firstTruthy}`,
					code: program((kind) =>
						kind === "guard" ? `${g} or ${h}` : text(kind),
					),
				},
			],
			explain: (answer) => {
				const steps = order.map(
					(kind) =>
						`${text(kind)} is ${shown(values[resultOf(kind, operands[kind])] ?? "")}`,
				);
				return (
					'"or" returns its first truthy operand (or the last one, if none is), and "and" returns its first falsy operand (or the last one); ' +
					'neither turns the result into True or False. "and" binds tighter than "or", ' +
					`so ${x} or ${y} and ${z} means ${x} or (${y} and ${z}), and as ${x} is truthy, that is ${x}. ` +
					`Here ${names[0]} = ${values[0]} is falsy and the other two are truthy: ${steps.join(", ")}. It prints ${answer}.`
				);
			},
		};
	},
});
