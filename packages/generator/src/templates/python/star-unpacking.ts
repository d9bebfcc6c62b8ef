import { belief } from "../belief.js";
import { defineFamily, type Mistake } from "../family.js";
import { itemAt } from "../item-at.js";

const WORDS = ["kiwi", "plum", "lime", "fig", "pear", "date", "oslo", "rome"];
const STRING_NAMES = [
	{ one: "first", many: "rest" },
	{ one: "head", many: "tail" },
	{ one: "c", many: "cs" },
] as const;
const TUPLE_NAMES = [
	{ tuple: "point", one: "low", many: "mid" },
	{ tuple: "row", one: "start", many: "body" },
	{ tuple: "t", one: "top", many: "others" },
] as const;
const PAIR_NAMES = [
	{ a: "a", b: "b" },
	{ a: "x", b: "y" },
	{ a: "lo", b: "hi" },
] as const;
/** where the starred name stands among the targets */
const STARS = ["first", "last"] as const;
/** the right-hand side of the pair's simultaneous assignment */
const UPDATES = ["fibonacci", "swap", "sumDiff"] as const;
const BLOCKS = ["string", "tuple", "pair"] as const;

interface Params {
	string: {
		names: (typeof STRING_NAMES)[number];
		word: string;
		star: (typeof STARS)[number];
	};
	tuple: {
		names: (typeof TUPLE_NAMES)[number];
		values: number[];
		star: (typeof STARS)[number];
		/** print spreads the starred list into separate values */
		spread: boolean;
	};
	pair: {
		names: (typeof PAIR_NAMES)[number];
		start: readonly [number, number];
		update: (typeof UPDATES)[number];
	};
	order: (typeof BLOCKS)[number][];
}

/** `one, *many` or `*many, one`, as targets */
const targets = (
	one: string,
	many: string,
	star: (typeof STARS)[number],
	starred = true,
) => {
	const spread = starred ? `*${many}` : many;
	return star === "last" ? `${one}, ${spread}` : `${spread}, ${one}`;
};

export const starUnpacking = defineFamily<Params>({
	id: "python/star-unpacking",
	idea: "py.unpacking",
	language: "python",
	difficulty: "easy",
	title: "Unpacking and starred names",
	topics: ["unpacking", "star expressions", "tuples", "assignment", "swap"],
	params: (rng) => ({
		string: {
			names: rng.pick(STRING_NAMES),
			word: rng.pick(WORDS),
			star: rng.pick(STARS),
		},
		tuple: {
			names: rng.pick(TUPLE_NAMES),
			values: rng.sample([2, 3, 4, 5, 6, 7, 8, 9], rng.int(3, 4)),
			star: rng.pick(STARS),
			spread: rng.bool(),
		},
		pair: {
			names: rng.pick(PAIR_NAMES),
			start: [rng.int(1, 5), rng.int(6, 9)],
			update: rng.pick(UPDATES),
		},
		order: rng.shuffle(BLOCKS),
	}),
	build: ({ string, tuple, pair, order }) => {
		const s = string.names;
		const t = tuple.names;
		const { a, b } = pair.names;
		const [a0, b0] = pair.start;
		const word = `"${string.word}"`;
		const tupleLiteral = `(${tuple.values.join(", ")})`;
		const rhs = {
			fibonacci: { a: b, b: `${a} + ${b}` },
			swap: { a: b, b: a },
			sumDiff: { a: `${a} + ${b}`, b: `${a} - ${b}` },
		}[pair.update];
		const blocks = {
			string: [`${targets(s.one, s.many, string.star)} = ${word}`],
			tuple: [
				`${t.tuple} = ${tupleLiteral}`,
				`${targets(t.one, t.many, tuple.star)} = ${t.tuple}`,
			],
			pair: [`${a}, ${b} = ${a0}, ${b0}`, `${a}, ${b} = ${rhs.a}, ${rhs.b}`],
		};
		const program = (
			changed: Partial<typeof blocks> = {},
			spread = tuple.spread,
		) =>
			[
				...order.flatMap((block) => changed[block] ?? blocks[block]),
				`print(${s.many}, ${spread ? "*" : ""}${t.many}, ${a}, ${b})`,
				"",
			].join("\n");
		// what the learner expects, written without a star: a slice of the string or tuple
		const sliced = (name: string, star: (typeof STARS)[number]) =>
			star === "last"
				? { one: `${name}[0]`, many: `${name}[1:]` }
				: { one: `${name}[-1]`, many: `${name}[:-1]` };
		const stringSlice = sliced(word, string.star);
		const tupleSlice = sliced(t.tuple, tuple.star);
		const plain = (one: string, many: string, star: (typeof STARS)[number]) =>
			star === "last" ? `${one}, ${many}` : `${many}, ${one}`;
		const mistakes: Mistake[] = [
			{
				misconception: belief`*${s.many} takes the rest of a string as a string`,
				code: program({
					string: [
						`${targets(s.one, s.many, string.star, false)} = ${plain(stringSlice.one, stringSlice.many, string.star)}`,
					],
				}),
			},
			tuple.spread
				? {
						misconception: belief`print(*${t.many}) prints the list ${t.many} as one value, brackets and all`,
						code: program({}, false),
					}
				: {
						misconception: belief`unpacking a tuple gives the starred name ${t.many} a tuple, as *args is in a function`,
						code: program({
							tuple: [
								`${t.tuple} = ${tupleLiteral}`,
								`${targets(t.one, t.many, tuple.star, false)} = ${plain(tupleSlice.one, tupleSlice.many, tuple.star)}`,
							],
						}),
					},
			{
				misconception: belief`${a}, ${b} = ${rhs.a}, ${rhs.b} runs as two assignments in turn, ${a} = ${rhs.a} and then ${b} = ${rhs.b}`,
				code: program({
					pair: [
						`${a}, ${b} = ${a0}, ${b0}`,
						`${a} = ${rhs.a}`,
						`${b} = ${rhs.b}`,
					],
				}),
			},
		];
		const chars = [...string.word];
		const restChars =
			string.star === "last" ? chars.slice(1) : chars.slice(0, -1);
		const middle =
			tuple.star === "last" ? tuple.values.slice(1) : tuple.values.slice(0, -1);
		const after = {
			fibonacci: [b0, a0 + b0],
			swap: [b0, a0],
			sumDiff: [a0 + b0, a0 - b0],
		}[pair.update];
		const filled = {
			fibonacci: `${b0}, ${a0} + ${b0}`,
			swap: `${b0}, ${a0}`,
			sumDiff: `${a0} + ${b0}, ${a0} - ${b0}`,
		}[pair.update];
		const steps = {
			string: [
				`${targets(s.one, s.many, string.star)} = ${word} → ${s.one} = '${string.star === "last" ? chars[0] : chars.at(-1)}', ${s.many} = [${restChars.map((c) => `'${c}'`).join(", ")}]`,
			],
			tuple: [
				`${targets(t.one, t.many, tuple.star)} = ${tupleLiteral} → ${t.one} = ${tuple.star === "last" ? tuple.values[0] : tuple.values.at(-1)}, ${t.many} = [${middle.join(", ")}]`,
			],
			pair: [
				`${a}, ${b} = ${a0}, ${b0}`,
				`${a}, ${b} = ${filled} → ${a} = ${itemAt(after, 0)}, ${b} = ${itemAt(after, 1)}`,
			],
		};
		return {
			code: program(),
			mistakes,
			explain: (answer) =>
				`A starred target collects whatever the other targets leave, and it is always a list: ` +
				`*${s.many} gets the characters of ${word} as a list, [${restChars.map((c) => `'${c}'`).join(", ")}], ` +
				`and *${t.many} gets [${middle.join(", ")}] although ${t.tuple} is a tuple` +
				(tuple.spread
					? `; in the call print(*${t.many}), the star passes its items as separate arguments, so they print without brackets. `
					: ". ") +
				`In ${a}, ${b} = ${rhs.a}, ${rhs.b} the whole right side is evaluated first, from the old values ${a0} and ${b0}, and only then assigned, ` +
				`so ${a} becomes ${itemAt(after, 0)} and ${b} becomes ${itemAt(after, 1)}. It prints ${answer}.`,
			trace: [
				...order.flatMap((block) => steps[block]),
				...(tuple.spread
					? [`print(*${t.many}) → ${middle.join(" ")}, as separate values`]
					: []),
			],
		};
	},
});
