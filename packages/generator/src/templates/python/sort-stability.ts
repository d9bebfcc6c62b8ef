import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

const WORDS: Record<number, string[]> = {
	3: ["fig", "yam", "pea", "oat", "rye", "elm"],
	4: ["kiwi", "plum", "pear", "date", "lime", "corn"],
	5: ["mango", "lemon", "grape", "melon", "peach", "olive"],
	6: ["banana", "cherry", "orange", "papaya", "quince", "tomato"],
};
/** The words of this length, one of WORDS' keys. */
function wordsOfLength(length: number): string[] {
	const words = WORDS[length];
	if (!words) throw new RangeError(`no words of length ${length}`);
	return words;
}
const PEOPLE = ["ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal"];
const KINDS = ["words", "records", "numbers"] as const;

interface Params {
	kind: (typeof KINDS)[number];
	list: string;
	/** the items in their starting order */
	items: Item[];
	inPlace: boolean;
}

interface Item {
	literal: string;
	key: number;
	/** what the item is compared by when keys tie and ties are broken by value */
	tie: string | number;
}

/** Merges the groups at random, keeping the order inside each group. */
function interleave(rng: Rng, groups: Item[][]): Item[] {
	const queues = groups.map((g) => [...g]);
	const out: Item[] = [];
	for (let left = queues.flat().length; left > 0; left--) {
		const queue = rng.pick(queues.filter((q) => q.length > 0));
		const next = queue.shift();
		if (next) out.push(next);
	}
	return out;
}

/** An item of the given kind and key. */
function item(kind: Params["kind"], key: number, value: string | number): Item {
	if (kind === "words") return { literal: `"${value}"`, key, tie: value };
	if (kind === "records")
		return { literal: `("${value}", ${key})`, key, tie: value };
	return { literal: String(value), key, tie: value };
}

/**
 * Two groups of equal keys: the first already in ascending order of value, the second in
 * descending order, so "ties are broken by value" and "reverse also reverses the ties" each
 * change a different group. A third key, alone, sometimes joins them.
 */
function draw(rng: Rng, kind: Params["kind"]): Item[] {
	const keys = rng.sample(
		kind === "words" ? [3, 4, 5, 6] : [1, 2, 3, 4, 5, 6],
		rng.int(2, 3),
	);
	const sizes = [rng.int(2, 3), 2, 1];
	const people = rng.shuffle(PEOPLE);
	const groups = keys.map((key, g) => {
		const size = itemAt(sizes, g);
		const values: (string | number)[] =
			kind === "words"
				? rng.sample(wordsOfLength(key), size)
				: kind === "records"
					? people.splice(0, size)
					: rng
							.sample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], size)
							.map((u) => key * 10 + u);
		const sorted = values
			.map((value) => item(kind, key, value))
			.sort((a, b) => (a.tie < b.tie ? -1 : 1));
		return g === 1 ? sorted.reverse() : sorted;
	});
	return interleave(rng, groups);
}

export const sortStability = defineFamily<Params>({
	id: "python/sort-stability",
	idea: "py.sorting",
	language: "python",
	difficulty: "medium",
	title: "Sorting with key and reverse",
	topics: ["sorting", "sorted", "stability", "lists", "lambda"],
	params: (rng) => {
		const kind = rng.pick(KINDS);
		const list = rng.pick(
			{
				words: ["words", "names", "items"],
				records: ["scores", "people", "results"],
				numbers: ["nums", "codes", "values"],
			}[kind],
		);
		return {
			kind,
			list,
			items: draw(rng, kind),
			inPlace: rng.bool(),
		};
	},
	build: ({ kind, list, items, inPlace }) => {
		const key = {
			words: "len",
			records: "lambda s: s[1]",
			numbers: "lambda n: n // 10",
		}[kind];
		const byValue = {
			words: "lambda w: (-len(w), w)",
			records: "lambda s: (-s[1], s[0])",
			numbers: "lambda n: (-(n // 10), n)",
		}[kind];
		const byValueReversed = {
			words: "lambda w: (len(w), w)",
			records: "lambda s: (s[1], s[0])",
			numbers: "lambda n: (n // 10, n)",
		}[kind];
		const shown = kind === "records" ? `[name for name, _ in ${list}]` : list;
		const program = (sorting: string) =>
			`${list} = [${items.map((item) => item.literal).join(", ")}]\n${sorting}\nprint(${shown})\n`;
		const sort = (args: string, source = list) =>
			inPlace
				? `${list}.sort(${args})`
				: `${list} = sorted(${source}, ${args})`;
		const tiedKeys = [...new Set(items.map((item) => item.key))].filter(
			(k) => items.filter((item) => item.key === k).length > 1,
		);
		tiedKeys.sort((a, b) => b - a);
		const keyText = {
			words: "length",
			records: "score",
			numbers: "tens digit",
		}[kind];
		const keys = [...new Set(items.map((item) => item.key))].sort(
			(a, b) => b - a,
		);
		const named = (item: Item) =>
			kind === "numbers" ? String(item.tie) : `'${item.tie}'`;
		const sorted = keys.flatMap((k) => items.filter((item) => item.key === k));
		return {
			code: program(sort(`key=${key}, reverse=True`)),
			trace: [
				`${keyText}s: ${items.map((item) => `${item.tie} → ${item.key}`).join(", ")}`,
				...keys.map((k) => {
					const tied = items.filter((item) => item.key === k);
					return `${keyText} ${k}: ${tied.map((item) => item.tie).join(", ")}${tied.length > 1 ? ", in the order written" : ""}`;
				}),
				`${shown} → [${sorted.map(named).join(", ")}]`,
			],
			mistakes: [
				{
					misconception: belief`reverse=True sorts as usual and then reverses the whole list, so items with equal keys swap places`,
					code: program(
						inPlace
							? `${list}.sort(key=${key})\n${list}.reverse()`
							: `${list} = sorted(${list}, key=${key})[::-1]`,
					),
				},
				{
					misconception: belief`items with the same ${keyText} are then put in order by their ${kind === "records" ? "name" : "value"}`,
					code: program(sort(`key=${byValue}`)),
				},
				{
					misconception: belief`items with the same ${keyText} are then compared by their ${kind === "records" ? "name" : "value"}, and reverse=True turns that order round too, largest first`,
					code: program(sort(`key=${byValueReversed}, reverse=True`)),
				},
			],
			explain: (answer) =>
				`${inPlace ? `${list}.sort(...) sorts the list in place` : `sorted(...) returns a new sorted list`}, ordered by the key: the ${keyText} of each item. ` +
				"reverse=True puts the largest keys first, but Python's sort is stable, and it stays stable when reversed: " +
				`items with equal keys keep the order they had in ${list}, and are not compared any further. ` +
				`So ${listed(
					tiedKeys.map(
						(k) =>
							`${listed(items.filter((item) => item.key === k).map((item) => String(item.tie)))} (${keyText} ${k})`,
					),
				)} come out in the order they were written. It prints ${answer}.`,
		};
	},
});
