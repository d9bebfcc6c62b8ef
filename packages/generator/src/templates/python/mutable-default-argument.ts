import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed, possessive } from "../prose.js";

/** function, its list parameter, the caller's own list */
const NAMES = [
	["add_item", "bucket", "mine"],
	["remember", "history", "notes"],
	["log_event", "events", "audit"],
	["collect", "found", "kept"],
	["enqueue", "queue", "backlog"],
	["record", "seen", "own"],
] as const;
/** how the body adds the item: two change the list in place, one builds a new list */
const UPDATES = ["append", "+=", "rebind"] as const;

interface Params {
	names: readonly [string, string, string];
	update: (typeof UPDATES)[number];
	/** the caller's list before the call that passes it */
	own: number[];
	/** the items of the calls: first, [an unstored call], the call with the caller's list, last */
	items: number[];
}

export const mutableDefaultArgument = defineFamily<Params>({
	id: "python/mutable-default-argument",
	idea: "py.mutable-defaults",
	language: "python",
	difficulty: "medium",
	title: "Mutable default arguments",
	topics: ["functions", "default arguments", "mutability", "lists"],
	params: (rng) => {
		const values = rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40], 6);
		const own = values.slice(0, rng.int(1, 2));
		return {
			names: rng.pick(NAMES),
			update: rng.pick(UPDATES),
			own,
			items: values.slice(own.length, own.length + rng.int(3, 4)),
		};
	},
	build: ({ names: [fn, param, mine], update, own, items }) => {
		// the first call's result is kept, the next-to-last call is handed the list, the last is kept again
		const first = itemAt(items, 0);
		const last = itemAt(items, items.length - 1);
		const passed = itemAt(items, items.length - 2);
		const unstored = items.slice(1, -2);
		const change = {
			append: `${param}.append(item)`,
			"+=": `${param} += [item]`,
			rebind: `${param} = ${param} + [item]`,
		};
		const program = (o: {
			update?: (typeof UPDATES)[number];
			signature?: string;
			result?: string;
			handed?: string;
			lastArgs?: string;
		}) =>
			[
				`def ${fn}(item, ${o.signature ?? `${param}=[]`}):`,
				...(o.signature
					? [`    if ${param} is None:`, `        ${param} = []`]
					: []),
				`    ${change[o.update ?? update]}`,
				`    return ${o.result ?? param}`,
				"",
				`${mine} = [${own.join(", ")}]`,
				`first = ${fn}(${first})`,
				...unstored.map((item) => `${fn}(${item})`),
				`${fn}(${passed}, ${o.handed ?? mine})`,
				`last = ${fn}(${last}${o.lastArgs ?? ""})`,
				`print(first, ${mine}, last)`,
				"",
			].join("\n");
		const fresh = {
			misconception: belief`the default list is created anew each time ${fn} is called without one`,
			code: program({ signature: `${param}=None` }),
		};
		const becomesDefault = {
			misconception: belief`passing ${mine} to ${fn} makes it the default for the calls that follow`,
			code: program({ lastArgs: `, ${mine}` }),
		};
		const mutating = update !== "rebind";
		const mistakes = mutating
			? [
					fresh,
					becomesDefault,
					{
						misconception: belief`${fn} works on a copy of the list it is given, so ${mine} stays as it was`,
						code: program({ handed: `list(${mine})` }),
					},
					update === "+="
						? {
								misconception: belief`${param} += [item] builds a new list, as ${param} = ${param} + [item] does`,
								code: program({ update: "rebind" }),
							}
						: {
								misconception: belief`each call returns the list as it was at that moment, so later calls cannot change first`,
								code: program({ result: `list(${param})` }),
							},
				]
			: [
					{
						misconception: belief`the default list is shared between calls, so ${param} = ${param} + [item] adds to it`,
						code: program({ update: "append" }),
					},
					{
						misconception: belief`${param} = ${param} + [item] changes the list that was passed in`,
						code: program({ update: "append", signature: `${param}=None` }),
					},
					becomesDefault,
				];
		const defaults = [first, ...unstored, last];
		const list = (values: readonly number[]) => `[${values.join(", ")}]`;
		const calls = [
			{ call: `first = ${fn}(${first})`, item: first },
			...unstored.map((item) => ({ call: `${fn}(${item})`, item })),
			{ call: `last = ${fn}(${last})`, item: last },
		];
		const shared: number[] = [];
		const trace = calls.map(({ call, item }, i) => {
			shared.push(item);
			if (!mutating)
				return `${call}: [] + [${item}] → a new list ${list([item])}, the default stays []`;
			return i === 0
				? `${call}: the default list → ${list(shared)}`
				: `${call}: the same default list → ${list(shared)}`;
		});
		// the call with the caller's list comes just before the last one
		trace.splice(
			trace.length - 1,
			0,
			mutating
				? `${fn}(${passed}, ${mine}): ${possessive(mine)} own list → ${list([...own, passed])}`
				: `${fn}(${passed}, ${mine}): ${mine} + [${passed}] is a new list, ${mine} stays ${list(own)}`,
		);
		if (mutating)
			trace.push(`first and last are that one list: ${list(shared)}`);
		return {
			code: program({}),
			mistakes,
			explain: (answer) =>
				`A default value is evaluated once, when the def statement runs, not on every call. ` +
				(mutating
					? `${change[update]} changes that list in place, so every call to ${fn} without a second argument adds to the same list and returns it: ` +
						`first and last are one list holding ${listed(defaults.map(String))}. ` +
						`The call with ${mine} works on the caller's own list, which ${fn} changes too, so ${mine} ends as [${[...own, passed].join(", ")}]. `
					: `But ${param} = ${param} + [item] builds a new list and rebinds the local name, so the default stays empty and each call without a list returns a new one-item list: ` +
						`first is [${first}] and last is [${last}]. ${mine} is never changed, because + does not touch its operands. `) +
				`It prints ${answer}.`,
			trace,
		};
	},
});
