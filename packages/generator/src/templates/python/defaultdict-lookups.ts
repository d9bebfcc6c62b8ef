import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { counted, listed } from "../prose.js";

const THEMES = [
	{
		dict: "by_letter",
		words: ["ant", "ape", "bee", "bat", "cow", "cat", "doe", "eel"],
	},
	{
		dict: "index",
		words: [
			"apple",
			"avocado",
			"banana",
			"cherry",
			"date",
			"damson",
			"elder",
			"fig",
		],
	},
	{
		dict: "groups",
		words: [
			"oslo",
			"oxford",
			"paris",
			"porto",
			"rome",
			"riga",
			"lima",
			"leeds",
		],
	},
] as const;

interface Params {
	dict: string;
	words: string[];
	/** letters no word starts with: one read with get, one read with [] */
	got: string;
	indexed: string;
	/** the letters the summing loop reads with [], in order: some first letters and `indexed` */
	looked: string[];
}

const firsts = (words: readonly string[]) => [
	...new Set(words.map((w) => w.charAt(0))),
];

export const defaultdictLookups = defineFamily<Params>({
	id: "python/defaultdict-lookups",
	idea: "py.dict-lookups",
	language: "python",
	difficulty: "hard",
	title: "defaultdict: which lookups add keys",
	topics: ["defaultdict", "collections", "dictionaries", "default factory"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const words = rng.sample(theme.words, rng.int(4, 5));
		const letters = firsts(words);
		const absent = rng.sample(
			["q", "x", "z", "k", "j"].filter((l) => !letters.includes(l)),
			2,
		);
		return {
			dict: theme.dict,
			words,
			got: itemAt(absent, 0),
			indexed: itemAt(absent, 1),
			looked: rng.shuffle([
				...rng.sample(letters, rng.int(1, 2)),
				itemAt(absent, 1),
			]),
		};
	},
	build: ({ dict, words, got, indexed, looked }) => {
		// a letter with more than one word shows that each key gets its own list
		const shown = firsts(words).find(
			(l) => words.filter((w) => w.startsWith(l)).length > 1,
		);
		const present = looked.filter((l) => l !== indexed);
		const total = words.filter((w) => present.includes(w.charAt(0))).length;
		const keys = firsts(words).length + 1;
		const program = (
			o: { make?: string[]; get?: string; read?: string } = {},
		) =>
			[
				"from collections import defaultdict",
				"",
				...(o.make ?? [`${dict} = defaultdict(list)`]),
				`for word in [${words.map((w) => `"${w}"`).join(", ")}]:`,
				`    ${dict}[word[0]].append(word)`,
				`found = ${o.get ?? `${dict}.get("${got}")`}`,
				"total = 0",
				`for letter in "${looked.join("")}":`,
				`    total += len(${o.read ?? `${dict}[letter]`})`,
				`print(found, total, len(${dict}))`,
				"",
			].join("\n");
		const groups = firsts(words).map(
			(l) =>
				`${l} (${counted(
					words.filter((w) => w.startsWith(l)),
					"word",
				)})`,
		);
		let running = 0;
		const reads = looked.map((l) => {
			const size = words.filter((w) => w.startsWith(l)).length;
			running += size;
			return l === indexed
				? `letter "${l}": ${dict}["${l}"] stores a new empty list, len 0, total = ${running}`
				: `letter "${l}": len(${dict}["${l}"]) → ${size}, total = ${running}`;
		});
		return {
			code: program(),
			trace: [
				`${dict} holds ${counted(keys - 1, "key")}: ${groups.join(", ")}`,
				`${dict}.get("${got}") → None, and no key is added`,
				...reads,
				`print(found, total, len(${dict})) → None ${total} ${keys}`,
			],
			mistakes: [
				{
					misconception: belief`get on a defaultdict also calls list() for a missing key, as [] does`,
					code: program({ get: `${dict}["${got}"]` }),
				},
				{
					misconception: belief`reading a missing key with [] only hands back an empty list, without adding the key`,
					code: program({ read: `${dict}.get(letter, [])` }),
				},
				{
					misconception: belief`defaultdict(list) hands every new key one and the same list`,
					code: program({
						make: ["shared = []", `${dict} = defaultdict(lambda: shared)`],
					}),
				},
			],
			explain: (answer) =>
				`defaultdict(list) calls list() to make a new, separate list the first time a missing key is read with [], and stores it under that key. ` +
				`So the loop gives each first letter its own list` +
				(shown === undefined
					? ", "
					: ` (${dict}["${shown}"] holds only ${listed(words.filter((w) => w.startsWith(shown)).map((w) => `"${w}"`))}), `) +
				`and the second loop's ${dict}[letter] adds "${indexed}" with a new empty list, so total counts only the words under ${listed(present.map((l) => `"${l}"`))}, ${total}, and ${dict} ends with ${counted(keys, "key")}. ` +
				`get is the ordinary dict method: it never calls the factory, so ${dict}.get("${got}") is None and adds nothing. ` +
				`It prints ${answer}.`,
		};
	},
});
