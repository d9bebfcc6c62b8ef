import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, threeOf } from "../item-at.js";

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
/** A variable by the value it holds: 0 the falsy one, 1 and 2 the truthy ones. */
type Role = 0 | 1 | 2;

/** Each term's operands, by role. */
interface Operands {
	default: readonly [Role, Role];
	guard: readonly [Role, Role];
	precedence: readonly [Role, Role, Role];
}

interface Params {
	/** the variables in the order they are assigned */
	declared: readonly string[];
	/** the same variables by role */
	names: readonly [string, string, string];
	/** the values by role */
	values: readonly [string, string, string];
	/** the printed terms, in order */
	order: Kind[];
	operands: Operands;
}

/** How Python prints a literal inside a list: strings in single quotes. */
const shown = (literal: string) =>
	literal.startsWith('"') ? `'${literal.slice(1, -1)}'` : literal;

/** The operand a term evaluates to. */
function resultOf(kind: Kind, operands: Operands): Role {
	switch (kind) {
		case "default":
			return operands.default[1];
		case "guard": {
			const [x, y] = operands.guard;
			return x === 0 ? x : y;
		}
		case "precedence":
			return operands.precedence[0];
	}
}

export const andOrOperands = defineFamily<Params>({
	id: "python/and-or-operands",
	idea: "py.truthiness",
	language: "python",
	// easy: one "or" and one "and"; medium adds `x or y and z`, where precedence decides
	difficulty: ["easy", "medium"],
	title: 'What "and" and "or" return',
	topics: ["boolean operators", "operators", "precedence", "truthiness"],
	params: (rng, difficulty) => {
		const truthy = rng.sample(TRUTHY, 2);
		const t = rng.pick([1, 2] as const);
		const other = t === 1 ? 2 : 1;
		const declared = rng.pick(NAMES);
		// drawn in this order so that medium instances are those the family always drew
		const names = threeOf(rng.shuffle(declared));
		const values = [
			rng.pick(FALSY),
			itemAt(truthy, 0),
			itemAt(truthy, 1),
		] as const;
		const order = rng.shuffle(KINDS);
		return {
			declared,
			names,
			values,
			order:
				difficulty === "easy"
					? order.filter((kind) => kind !== "precedence")
					: order,
			operands: {
				default: [0, t],
				guard: rng.pick([
					[t, other],
					[0, t],
					[t, 0],
				] as const),
				// `X or Y and Z` reads differently from left to right only when X is truthy and Z is not X
				precedence: rng.pick([
					[t, 0, other],
					[t, other, 0],
				] as const),
			},
		};
	},
	build: ({ declared, names, values, order, operands }) => {
		const name = (role: Role) => names[role];
		const [x, y, z] = [
			name(operands.precedence[0]),
			name(operands.precedence[1]),
			name(operands.precedence[2]),
		];
		const [g, h] = [name(operands.guard[0]), name(operands.guard[1])];
		const text = (kind: Kind) => {
			if (kind === "default")
				return `${name(operands.default[0])} or ${name(operands.default[1])}`;
			if (kind === "guard") return `${g} and ${h}`;
			return `${x} or ${y} and ${z}`;
		};
		const valueNamed = (variable: string) =>
			itemAt(values, names.indexOf(variable));
		const program = (render: (kind: Kind) => string) =>
			`${declared.map((n) => `${n} = ${valueNamed(n)}`).join("\n")}\nprint([${order.map(render).join(", ")}])\n`;
		const [gx, gy] = operands.guard;
		const firstTruthy = names[gx !== 0 ? gx : gy];
		const printed = (role: Role) => shown(values[role]);
		/** One term worked out: the first operand decides whether Python stops there or goes on. */
		const step = (kind: Kind) => {
			const first =
				kind === "default"
					? operands.default[0]
					: kind === "guard"
						? operands.guard[0]
						: operands.precedence[0];
			const result = resultOf(kind, operands);
			// "and" binds tighter: the precedence term, with the brackets Python reads into it
			const written =
				kind === "precedence" ? `${x} or (${y} and ${z})` : text(kind);
			const verdict =
				result === first
					? `stop at ${name(first)}`
					: `go on to ${name(result)}`;
			return `${written}: ${name(first)} is ${first === 0 ? "falsy" : "truthy"}, ${verdict} → ${printed(result)}`;
		};
		const withPrecedence = order.includes("precedence");
		return {
			code: program(text),
			mistakes: [
				{
					misconception: belief`"and" and "or" always give True or False`,
					code: program((kind) => `bool(${text(kind)})`),
				},
				withPrecedence
					? {
							misconception: belief`"and" and "or" have the same precedence, so ${text("precedence")} is read from left to right`,
							code: program((kind) =>
								kind === "precedence" ? `(${x} or ${y}) and ${z}` : text(kind),
							),
						}
					: {
							misconception: belief`"or" gives True or False, while "and" gives one of its operands`,
							code: program((kind) =>
								kind === "default" ? `bool(${text(kind)})` : text(kind),
							),
						},
				{
					misconception: belief`"and" stops at the first truthy operand, as "or" does, so ${g} and ${h} gives ${firstTruthy}`,
					code: program((kind) =>
						kind === "guard" ? `${g} or ${h}` : text(kind),
					),
				},
				// easy only: a belief whose options are values from the code, as the answer's are
				...(withPrecedence
					? []
					: [
							{
								misconception: belief`only None counts as false, so 0, "" and [] count as true, as they do in Ruby`,
								code: program((kind) => {
									const [left, right] =
										kind === "default"
											? [name(operands.default[0]), name(operands.default[1])]
											: [g, h];
									return kind === "default"
										? `(${left} if ${left} is not None else ${right})`
										: `(${right} if ${left} is not None else ${left})`;
								}),
							},
						]),
			],
			explain: (answer) =>
				'"or" returns its first truthy operand (or the last one, if none is), and "and" returns its first falsy operand (or the last one); ' +
				"neither turns the result into True or False. " +
				(withPrecedence
					? `"and" binds tighter than "or", so ${x} or ${y} and ${z} means ${x} or (${y} and ${z}), and as ${x} is truthy, that is ${x}. `
					: "") +
				`Here ${names[0]} = ${values[0]} is falsy and the other two are truthy. It prints ${answer}.`,
			trace: order.map(step),
		};
	},
});
