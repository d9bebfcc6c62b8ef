import type { Rng } from "../../rng.js";
import { type Belief, belief, bothBeliefs } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";

const WORDS = [
	"apple",
	"banana",
	"cherry",
	"date",
	"fig",
	"grape",
	"kiwi",
	"lemon",
	"mango",
	"olive",
	"pear",
	"plum",
];
const NAMES = [
	["values", "sorted"],
	["list", "ordered"],
	["data", "result"],
	["items", "ranked"],
] as const;
const SHAPES = ["numbers", "words", "descending"] as const;

interface Params {
	names: readonly [string, string];
	shape: (typeof SHAPES)[number];
	/** number or JSON string literals, in their starting order */
	values: string[];
}

const same = (a: readonly string[], b: readonly string[]) =>
	a.join() === b.join();

/** Numbers whose text order differs from their numeric order. */
function numbers(rng: Rng): string[] {
	const small = rng.int(3, 9);
	const tricky = rng.int(1, small - 1) * 10 + rng.int(0, 9);
	const picked = new Set([small, tricky]);
	const size = rng.int(4, 5);
	while (picked.size < size)
		picked.add(rng.pick([rng.int(1, 9), rng.int(10, 99), rng.int(100, 300)]));
	return [...picked].map(String);
}

/** Words with one capital that sorts before lower-case words alphabetically earlier. */
function words(rng: Rng): string[] {
	const chosen = rng.sample(WORDS, 4).sort();
	const capital = rng.int(1, 3);
	return chosen.map((w, i) =>
		JSON.stringify(i === capital ? w[0]?.toUpperCase() + w.slice(1) : w),
	);
}

function ordersShown(values: readonly string[]): string[][] {
	const numeric = [...values].sort((a, b) => Number(a) - Number(b));
	const caseless = [...values].sort((a, b) =>
		a.toLowerCase() < b.toLowerCase() ? -1 : 1,
	);
	return [[...values].sort(), numeric, [...numeric].reverse(), caseless];
}

/** A pair that text order puts the wrong way round, to name in the explanation. */
function textTrap(values: readonly string[]): string {
	const text = [...values].sort();
	for (let i = 0; i + 1 < text.length; i++) {
		const [a, b] = [itemAt(text, i), itemAt(text, i + 1)];
		if (Number(a) > Number(b))
			return `"${a}" comes before "${b}" although ${a} > ${b}`;
	}
	return "the order is by digits, not by value";
}

/** How the sort compares, then the order it ends with. */
function sortSteps(
	shape: (typeof SHAPES)[number],
	values: readonly string[],
): string[] {
	if (shape === "descending") {
		const [a, b] = [Number(itemAt(values, 0)), Number(itemAt(values, 1))];
		const sorted = values.map(Number).sort((x, y) => y - x);
		return [
			`compare(${a}, ${b}) → ${b} - ${a} = ${b - a}: ${b - a > 0 ? `positive, so ${b}` : `negative, so ${a}`} goes first`,
			`the larger number always goes first: ${sorted.join(", ")}`,
		];
	}
	if (shape === "numbers")
		return [
			`compared as text: ${values.map((v) => `"${v}"`).join(", ")}`,
			`by text: ${[...values]
				.sort()
				.map((v) => `"${v}"`)
				.join(" < ")}`,
		];
	const words = values.map((v) => String(JSON.parse(v)));
	const capital = words.find((w) => w.charAt(0) !== w.charAt(0).toLowerCase());
	if (capital === undefined) throw new RangeError("no capitalised word");
	const first = capital.charAt(0);
	return [
		`"${first}" is code unit ${first.charCodeAt(0)}, and every lower-case letter comes later ("a" is 97)`,
		`by code unit: ${[...words]
			.sort()
			.map((w) => `"${w}"`)
			.join(" < ")}`,
	];
}

export const defaultSort = defineFamily<Params>({
	id: "javascript/default-sort",
	idea: "js.sorting",
	language: "javascript",
	difficulty: "medium",
	title: "How Array.prototype.sort orders and mutates",
	topics: ["sorting", "arrays", "comparators", "mutation"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		const values = shape === "words" ? words(rng) : numbers(rng);
		let start = rng.shuffle(values);
		// the starting order must differ from every sorted order an option shows
		while (ordersShown(values).some((order) => same(order, start)))
			start = rng.shuffle(values);
		return { names: rng.pick(NAMES), shape, values: start };
	},
	build: ({ names: [list, result], shape, values }) => {
		const program = (sortCall: string) =>
			`const ${list} = [${values.join(", ")}];\nconst ${result} = ${sortCall};\nconsole.log(${result}, ${list});\n`;
		const comparator = shape === "descending" ? "(a, b) => b - a" : "";
		const call = `${list}.sort(${comparator})`;
		const copy = {
			misconception: belief`sort returns a sorted copy and leaves the original array as it was`,
			code: program(`[...${list}].sort(${comparator})`),
		};
		const wrongOrder = {
			numbers: "(a, b) => a - b",
			words: "(a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)",
			descending: "(a, b) => a - b",
		}[shape];
		const intoCopy = belief`into a new array that leaves ${list} as it was`;
		const orders: Record<Params["shape"], Belief> = {
			numbers: belief`sort() with no comparator orders numbers by their value`,
			words: belief`sort() orders words alphabetically regardless of upper and lower case`,
			descending: belief`the comparator (a, b) => b - a sorts from smallest to largest`,
		};
		const order = orders[shape];
		const orderIntoCopy = bothBeliefs(order, intoCopy, ", ");
		const why = {
			numbers: `With no comparator, sort converts the elements to strings and compares them character by character, so ${textTrap(values)}.`,
			words:
				"With no comparator, sort compares UTF-16 code units, and every upper-case letter comes before every lower-case one.",
			descending:
				"A comparator returning b - a puts b first whenever b is larger, so the numbers come out from largest to smallest.",
		};
		return {
			code: program(call),
			mistakes: [
				{ misconception: order, code: program(`${list}.sort(${wrongOrder})`) },
				copy,
				{
					misconception: orderIntoCopy,
					code: program(`[...${list}].sort(${wrongOrder})`),
				},
			],
			explain: (answer) =>
				`${why[shape]} sort also works in place and returns the same array, so ${result} and ${list} are one array, printed twice: ${answer}.`,
			trace: [
				...sortSteps(shape, values),
				`${result} = ${list}: the same array, sorted in place`,
			],
		};
	},
});
