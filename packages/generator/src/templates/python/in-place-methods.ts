import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";

const WORDS = ["kiwi", "lime", "fig", "pear", "plum", "date"];

/** A line that reorders the list or a copy of it, two beliefs about it, and what it does. */
interface Call {
	line: string;
	mistakes: { misconception: Belief; line: string }[];
	why: string;
	/** what the line returns (null for None) and what nums holds after it */
	run(nums: readonly number[]): { returned: number[] | null; nums: number[] };
}

const REORDERS: readonly Call[] = [
	{
		line: "nums.sort()",
		mistakes: [
			{
				misconception: belief`nums.sort() returns the list it has just sorted`,
				line: "nums.sort() or nums",
			},
			{
				misconception: belief`nums.sort() returns a sorted copy and leaves nums as it was, as sorted(nums) does`,
				line: "sorted(nums)",
			},
		],
		why: "nums.sort() sorts nums in place and returns None, so result is None",
		run: (nums) => ({
			returned: null,
			nums: [...nums].sort((a, b) => a - b),
		}),
	},
	{
		line: "nums.reverse()",
		mistakes: [
			{
				misconception: belief`nums.reverse() returns the list it has just reversed`,
				line: "nums.reverse() or nums",
			},
			{
				misconception: belief`nums.reverse() returns a reversed copy and leaves nums as it was, as nums[::-1] does`,
				line: "nums[::-1]",
			},
		],
		why: "nums.reverse() reverses nums in place and returns None, so result is None",
		run: (nums) => ({ returned: null, nums: [...nums].reverse() }),
	},
	{
		line: "sorted(nums)",
		mistakes: [
			{
				misconception: belief`sorted(nums) sorts nums in place and returns None, as nums.sort() does`,
				line: "nums.sort()",
			},
			{
				misconception: belief`sorted(nums) sorts nums itself as well as returning it`,
				line: "nums.sort() or nums",
			},
		],
		why: "sorted(nums) returns a new sorted list and leaves nums in its order, so result is that new list",
		run: (nums) => ({
			returned: [...nums].sort((a, b) => a - b),
			nums: [...nums],
		}),
	},
];

/** How the string is "changed": a method that returns a new string. */
const STRING_CALLS = [
	{ call: "upper()", apply: (w: string) => w.toUpperCase() },
	{
		call: "title()",
		apply: (w: string) => w.charAt(0).toUpperCase() + w.slice(1),
	},
	{ call: 'replace("i", "!")', apply: (w: string) => w.replaceAll("i", "!") },
] as const;
/** How an item is added: in place (returning None) or by + (a new list, nums unchanged). */
const addCall = (
	kind: "append" | "insert" | "extend" | "plus",
	n: number,
): Call => {
	const call = {
		append: `append(${n})`,
		insert: `insert(0, ${n})`,
		extend: `extend([${n}])`,
		plus: "",
	}[kind];
	return kind === "plus"
		? {
				line: `nums + [${n}]`,
				mistakes: [
					{
						misconception: belief`nums + [${n}] adds ${n} to nums in place and returns None, as append does`,
						line: `nums.append(${n})`,
					},
				],
				why: `nums + [${n}] builds a new list and leaves nums alone, so grown is that new list`,
				run: (nums) => ({ returned: [...nums, n], nums: [...nums] }),
			}
		: {
				line: `nums.${call}`,
				mistakes: [
					{
						misconception: belief`nums.${call} returns the list with ${n} added`,
						line: `nums.${call} or nums`,
					},
				],
				why: `nums.${call} adds ${n} to nums in place and returns None, so grown is None`,
				run: (nums) => ({
					returned: null,
					nums: kind === "insert" ? [n, ...nums] : [...nums, n],
				}),
			};
};
// + is drawn as often as the in-place methods, so None is the answer only about half the time
const ADDS = ["append", "insert", "extend", "plus", "plus", "plus"] as const;

/** The items out of ascending order, so sorting them shows: a sorted draw gets its first two swapped. */
const unsorted = (values: number[]) => {
	const ascending = values.every(
		(v, i) => i === 0 || itemAt(values, i - 1) < v,
	);
	return ascending
		? [itemAt(values, 1), itemAt(values, 0), ...values.slice(2)]
		: values;
};

interface Params {
	values: number[];
	word: string;
	reorder: Call;
	stringCall: (typeof STRING_CALLS)[number];
	add: (typeof ADDS)[number];
	added: number;
}

export const inPlaceMethods = defineFamily<Params>({
	id: "python/in-place-methods",
	idea: "py.in-place-methods",
	language: "python",
	difficulty: "medium",
	title: "Methods that change a list in place return None",
	topics: ["lists", "methods", "none", "strings", "mutability"],
	params: (rng) => {
		const stringCall = rng.pick(STRING_CALLS);
		return {
			values: unsorted(rng.sample([2, 3, 4, 5, 6, 7, 8], rng.int(3, 4))),
			// the call must change the word, or believing it changes in place shows nothing
			word: rng.pick(WORDS.filter((w) => stringCall.apply(w) !== w)),
			reorder: rng.pick([
				...REORDERS,
				...REORDERS.filter((r) => r.line === "sorted(nums)"),
			]),
			stringCall,
			add: rng.pick(ADDS),
			added: rng.pick([1, 9, 10]),
		};
	},
	build: ({ values, word, reorder, stringCall, add, added }) => {
		const grow = addCall(add, added);
		const program = (
			o: { result?: string; word?: string; grown?: string } = {},
		) =>
			[
				`nums = [${values.join(", ")}]`,
				`word = "${word}"`,
				`result = ${o.result ?? reorder.line}`,
				o.word ?? `word.${stringCall.call}`,
				`grown = ${o.grown ?? grow.line}`,
				"print(result, word, grown, nums)",
				"",
			].join("\n");
		const shown = (list: number[] | null) =>
			list ? `[${list.join(", ")}]` : "None";
		const reordered = reorder.run(values);
		const grown = grow.run(reordered.nums);
		return {
			code: program(),
			trace: [
				`result = ${reorder.line} → ${shown(reordered.returned)}; nums is ${shown(reordered.nums)}`,
				`word.${stringCall.call} → "${stringCall.apply(word)}", kept by nothing; word is still "${word}"`,
				`grown = ${grow.line} → ${shown(grown.returned)}; nums is ${shown(grown.nums)}`,
				`print(result, word, grown, nums) → ${shown(reordered.returned)} ${word} ${shown(grown.returned)} ${shown(grown.nums)}`,
			],
			mistakes: [
				...reorder.mistakes.map((m) => ({
					misconception: m.misconception,
					code: program({ result: m.line }),
				})),
				{
					misconception: belief`word.${stringCall.call} changes word itself, as list methods change a list`,
					code: program({ word: `word = word.${stringCall.call}` }),
				},
				...grow.mistakes.map((m) => ({
					misconception: m.misconception,
					code: program({ grown: m.line }),
				})),
			],
			explain: (answer) =>
				`A list method that changes the list in place returns None; a function or operator that builds a new list returns it. ` +
				`${reorder.why}. ${grow.why}. ` +
				`Strings cannot change, so word.${stringCall.call} builds a new string, "${stringCall.apply(word)}", which nothing keeps: word is still "${word}". It prints ${answer}.`,
		};
	},
});
