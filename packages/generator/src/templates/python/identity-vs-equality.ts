import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily, type Mistake } from "../family.js";
import { twoOf } from "../item-at.js";
import { agree, counted, listed } from "../prose.js";

/** the list, the second name bound to it, the loop variable */
const NAMES = [
	{ list: "a", alias: "b", item: "x" },
	{ list: "nums", alias: "data", item: "n" },
	{ list: "xs", alias: "ys", item: "x" },
	{ list: "row", alias: "view", item: "r" },
] as const;

/** Ways of writing an item of the compared list, relative to the list `L` and its values p, q. */
const KINDS = [
	"alias",
	"literal",
	"slice",
	"listCall",
	"plus",
	"reversed",
] as const;
type Kind = (typeof KINDS)[number];
/** the copies a learner may take for the list itself */
const COPIES = ["slice", "listCall", "plus"] as const;

interface Params {
	names: (typeof NAMES)[number];
	values: readonly [number, number];
	kinds: Kind[];
	/** the copy whose mistake is asked about, if any */
	copy: (typeof COPIES)[number] | null;
	alias: boolean;
	reversed: boolean;
}

const equalTo = (kind: Kind) => kind !== "reversed";
const sameAs = (kind: Kind) => kind === "alias";

/** The two counts the snippet prints: items equal to the list, items that are the list. */
const counts = (kinds: readonly Kind[]) => ({
	equal: kinds.filter(equalTo).length,
	same: kinds.filter(sameAs).length,
});

function draw(rng: Rng): Omit<Params, "names" | "values"> {
	for (;;) {
		const kinds = Array.from({ length: rng.int(4, 5) }, () => rng.pick(KINDS));
		const { equal, same } = counts(kinds);
		// a copy taken for the list prints (equal, same + its count): it must differ from `is` read as ==
		const copies = COPIES.filter((c) => {
			const n = kinds.filter((k) => k === c).length;
			return n > 0 && n !== equal - same;
		});
		const copy = copies.length ? rng.pick(copies) : null;
		const alias = kinds.includes("alias");
		const reversed = kinds.includes("reversed");
		const extra = [copy !== null, alias, reversed].filter(Boolean).length;
		if (equal - same >= 1 && extra >= 1)
			return { kinds, copy, alias, reversed };
	}
}

export const identityVsEquality = defineFamily<Params>({
	id: "python/identity-vs-equality",
	idea: "py.identity-and-equality",
	language: "python",
	difficulty: "easy",
	title: "Identity vs equality",
	topics: ["identity", "equality", "is operator", "lists", "copies"],
	params: (rng) => {
		return {
			names: rng.pick(NAMES),
			// above the largest count, so the printed counts do not echo the list's items
			values: twoOf(rng.sample([6, 7, 8, 9, 11, 12, 15, 20], 2)),
			...draw(rng),
		};
	},
	build: ({ names, values: [p, q], kinds, copy, alias, reversed }) => {
		const { list, item } = names;
		const written = (kind: Kind, as: Partial<Record<Kind, string>> = {}) =>
			as[kind] ??
			{
				alias: names.alias,
				literal: `[${p}, ${q}]`,
				slice: `${list}[:]`,
				listCall: `list(${list})`,
				plus: `${list} + []`,
				reversed: `[${q}, ${p}]`,
			}[kind];
		const program = (
			o: {
				as?: Partial<Record<Kind, string>>;
				bind?: string;
				equal?: string;
				same?: string;
			} = {},
		) =>
			[
				`${list} = [${p}, ${q}]`,
				...(alias ? [`${names.alias} = ${o.bind ?? list}`] : []),
				`items = [${kinds.map((k) => written(k, o.as)).join(", ")}]`,
				"equal, same = [], []",
				`for ${item} in items:`,
				`    if ${item} ${o.equal ?? "=="} ${list}:`,
				`        equal.append(${item})`,
				`    if ${item} ${o.same ?? "is"} ${list}:`,
				`        same.append(${item})`,
				"print(len(equal), len(same))",
				"",
			].join("\n");
		const copyMistakes: Record<(typeof COPIES)[number], Belief> = {
			slice: belief`${list}[:] hands back ${list} itself rather than a new list`,
			listCall: belief`list(${list}) hands back ${list} itself when ${list} is already a list`,
			plus: belief`${list} + [] gives back ${list} itself, since nothing is added`,
		};
		const mistakes: Mistake[] = [
			{
				misconception: belief`is compares the items of two lists, as == does`,
				code: program({ same: "==" }),
			},
			{
				misconception: belief`== between two lists checks that they are the same object`,
				code: program({ equal: "is" }),
			},
			...(copy
				? [
						{
							misconception: copyMistakes[copy],
							code: program({ as: { [copy]: list } }),
						},
					]
				: []),
			...(alias
				? [
						{
							misconception: belief`${names.alias} = ${list} copies the list into ${names.alias}`,
							code: program({ bind: `list(${list})` }),
						},
					]
				: []),
			...(reversed
				? [
						{
							misconception: belief`== finds two lists equal when they hold the same items in any order`,
							code: program({ as: { reversed: `[${p}, ${q}]` } }),
						},
					]
				: []),
		].slice(0, 4);
		const { equal, same } = counts(kinds);
		const equalOnly = [...new Set(kinds)]
			.filter((k) => equalTo(k) && !sameAs(k))
			.map((k) => written(k));
		return {
			code: program(),
			mistakes,
			explain: (answer) =>
				`== compares values: two lists are equal when they hold equal items in the same order. ` +
				`is asks whether two names refer to one object. ` +
				(alias
					? `${names.alias} = ${list} binds a second name to the same list, so ${names.alias} is ${list}. `
					: "") +
				(equalOnly.length
					? `${listed(equalOnly)} ${equalOnly.length === 1 ? "builds a new list" : "each build a new list"} with the same items: equal to ${list}, but not ${list}. `
					: "") +
				(reversed
					? `[${q}, ${p}] holds the items in another order, so it is not equal to ${list}. `
					: "") +
				`Of the ${counted(kinds, "item")}, ${equal} ${agree(equal, "is", "are")} equal to ${list} and ${same} ${agree(same, "is", "are")} ${list} itself: it prints ${answer}.`,
			trace: [
				...kinds.map((kind) => {
					const shown = written(kind);
					const py = (b: boolean) => (b ? "True" : "False");
					return `${shown} == ${list} → ${py(equalTo(kind))}, ${shown} is ${list} → ${py(sameAs(kind))}`;
				}),
				`equal gets ${counted(equal, "item")}, same ${counted(same, "item")}`,
			],
		};
	},
});
