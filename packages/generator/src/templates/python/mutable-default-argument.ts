import { defineFamily } from "../family.js";

const NAMES = [
	["add_item", "bucket"],
	["remember", "history"],
	["log_event", "events"],
	["collect", "found"],
	["enqueue", "queue"],
] as const;
const RESULTS = ["first", "second", "third"];

interface Params {
	names: readonly [string, string];
	items: number[];
}

export const mutableDefaultArgument = defineFamily<Params>({
	id: "python/mutable-default-argument",
	language: "python",
	difficulty: "medium",
	title: "Mutable default arguments",
	topics: ["functions", "default arguments", "mutability", "lists"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		items: rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30], rng.int(2, 3)),
	}),
	build: ({ names: [fn, param], items }) => {
		const program = (signature: string, body: string[], result = param) =>
			[
				`def ${fn}(item, ${signature}):`,
				...body.map((line) => `    ${line}`),
				`    ${param}.append(item)`,
				`    return ${result}`,
				"",
				...items.map((item, i) => `${RESULTS[i]} = ${fn}(${item})`),
				`print(len(first), ${RESULTS[items.length - 1]})`,
				"",
			].join("\n");
		return {
			code: program(`${param}=[]`, []),
			mistakes: [
				{
					misconception: `the default list is created anew each time ${fn} is called without one`,
					code: program(`${param}=None`, [
						`if ${param} is None:`,
						`    ${param} = []`,
					]),
				},
				{
					misconception:
						"each call returns the list as it was at that moment, so later calls cannot change an earlier result",
					code: program(`${param}=[]`, [], `list(${param})`),
				},
			],
			explain: (answer) =>
				`A default value is evaluated once, when the def statement runs, not on every call. ` +
				`So every call to ${fn} without a second argument appends to the same list, and ${fn} returns that one list each time: ` +
				`first is that same list, which by the end holds all ${items.length} items (${items.join(", ")}), so it prints ${answer}.`,
		};
	},
});
