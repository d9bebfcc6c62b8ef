import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

const THEMES = [
	{
		list: "players",
		key: "score",
		names: ["ann", "bob", "cy", "dee", "eve", "flo"],
	},
	{
		list: "books",
		key: "pages",
		names: ["dune", "emma", "odyssey", "ulysses", "beloved", "carrie"],
	},
	{
		list: "runners",
		key: "time",
		names: ["kai", "lea", "max", "noa", "oli", "pia"],
	},
	{
		list: "cities",
		key: "rank",
		names: ["oslo", "rome", "lima", "kyiv", "baku", "doha"],
	},
] as const;

interface Item {
	name: string;
	value: number;
}

interface Params {
	theme: (typeof THEMES)[number];
	items: Item[];
	descending: boolean;
}

/** How the learner reads the comparator. */
interface Belief {
	/** the comparator sorts the other way round */
	flipped?: boolean;
	/** ties are broken by name */
	byName?: boolean;
	/** the values are compared as text */
	asText?: boolean;
}

const byValue = (a: Item, b: Item) => a.value - b.value;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The names in the order a belief predicts, to check that the beliefs disagree. */
function predicted(items: readonly Item[], descending: boolean, b: Belief) {
	const down = descending !== Boolean(b.flipped);
	return [...items]
		.sort((x, y) => {
			const order = b.asText
				? byText(String(x.value), String(y.value))
				: byValue(x, y);
			const directed = down ? -order : order;
			return directed || (b.byName ? byText(x.name, y.name) : 0);
		})
		.map((item) => item.name)
		.join(" ");
}

const BELIEFS: readonly Belief[] = [
	{ flipped: true },
	{ byName: true },
	{ asText: true },
];

function drawItems(rng: Rng, names: readonly string[]): Item[] {
	const size = rng.int(4, 5);
	const picked = rng.sample(names, size);
	// one tie, and one two-digit value whose text sorts before a one-digit one
	const small = rng.int(3, 9);
	const values = [small, small, rng.int(10, small * 10 - 1)];
	const others = rng.sample(
		Array.from({ length: 30 }, (_, i) => i + 1).filter(
			(v) => !values.includes(v),
		),
		size - 3,
	);
	return rng
		.shuffle([...values, ...others])
		.map((value, i) => ({ name: itemAt(picked, i), value }));
}

export const sortComparators = defineFamily<Params>({
	id: "javascript/sort-comparators",
	idea: "js.sorting",
	language: "javascript",
	difficulty: "medium",
	title: "Sorting objects with a comparator",
	topics: ["sorting", "comparators", "arrays", "stability", "objects"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		for (;;) {
			const items = drawItems(rng, theme.names);
			const descending = rng.bool();
			const outputs = [{}, ...BELIEFS].map((b) =>
				predicted(items, descending, b),
			);
			if (new Set(outputs).size === outputs.length)
				return { theme, items, descending };
		}
	},
	build: ({ theme: t, items, descending }) => {
		const k = t.key;
		const comparator = (b: Belief) => {
			const down = descending !== Boolean(b.flipped);
			const [x, y] = down ? ["b", "a"] : ["a", "b"];
			const body = b.asText
				? `(String(${x}.${k}) < String(${y}.${k}) ? -1 : String(${x}.${k}) > String(${y}.${k}) ? 1 : 0)`
				: `${x}.${k} - ${y}.${k}`;
			return b.byName
				? `(a, b) => ${body} || (a.name < b.name ? -1 : 1)`
				: `(a, b) => ${body}`;
		};
		const program = (b: Belief = {}) =>
			[
				`const ${t.list} = [`,
				...items.map(
					(item) => `  { name: "${item.name}", ${k}: ${item.value} },`,
				),
				"];",
				`${t.list}.sort(${comparator(b)});`,
				`console.log(${t.list}.map((x) => x.name).join(" "));`,
				"",
			].join("\n");
		const tied = items.filter(
			(item) => items.filter((other) => other.value === item.value).length > 1,
		);
		const pair = (item: Item) => `${item.name} ${item.value}`;
		const sorted = [...items].sort((a, b) =>
			descending ? b.value - a.value : a.value - b.value,
		);
		const small = itemAt(tied, 0).value;
		// the two-digit value drawn to sort before the tie as text
		const big = Math.max(
			...items
				.map((item) => item.value)
				.filter((v) => v >= 10 && String(v) < String(small)),
		);
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${descending ? "b" : "a"}.${k} - ${descending ? "a" : "b"}.${k} sorts from ${descending ? "smallest to largest" : "largest to smallest"}`,
					code: program({ flipped: true }),
				},
				{
					misconception: belief`sort breaks a tie by name, so equal values come out in alphabetical order`,
					code: program({ byName: true }),
				},
				{
					misconception: belief`sort compares the values as text even when it is given a comparator`,
					code: program({ asText: true }),
				},
			],
			explain: (answer) =>
				`The comparator returns a negative number when a should come first. ${descending ? `b.${k} - a.${k} is negative when a.${k} is larger, so the largest comes first` : `a.${k} - b.${k} is negative when a.${k} is smaller, so the smallest comes first`}, and the subtraction compares numbers, not text. ` +
				`When it returns 0, sort is stable: ${listed(tied.map((item) => item.name))} tie on ${k} and keep the order they had in ${t.list}. ` +
				`It prints ${answer}.`,
			trace: [
				`${t.list} as written: ${items.map(pair).join(", ")}`,
				descending
					? `b.${k} - a.${k} < 0 when a.${k} is larger: largest ${k} first`
					: `a.${k} - b.${k} < 0 when a.${k} is smaller: smallest ${k} first`,
				`as numbers ${big} > ${small}, though as text "${big}" < "${small}"`,
				`${listed(tied.map((item) => item.name))} tie at ${small}: they keep their order`,
				`sorted: ${sorted.map(pair).join(", ")}`,
			],
		};
	},
});
