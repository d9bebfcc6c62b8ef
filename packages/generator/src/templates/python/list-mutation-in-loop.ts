import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { agree } from "../prose.js";

const NAMES = [
	{ list: "nums", item: "n" },
	{ list: "scores", item: "s" },
	{ list: "queue", item: "x" },
	{ list: "sizes", item: "k" },
] as const;

/** Which items the first loop removes: the test as written, and the same test in TypeScript. */
const TESTS = [
	{
		write: (v: string) => `${v} % 2 == 0`,
		holds: (n: number) => n % 2 === 0,
		items: "even items",
		being: "even",
	},
	{
		write: (v: string) => `${v} % 2 == 1`,
		holds: (n: number) => n % 2 === 1,
		items: "odd items",
		being: "odd",
	},
	{
		write: (v: string) => `${v} > 5`,
		holds: (n: number) => n > 5,
		items: "items greater than 5",
		being: "greater than 5",
	},
	{
		write: (v: string) => `${v} < 5`,
		holds: (n: number) => n < 5,
		items: "items less than 5",
		being: "less than 5",
	},
] as const;

/** How the second loop changes its loop variable (which never reaches the list). */
const CHANGES = [
	{
		write: (v: string) => `${v} *= 10`,
		value: (v: string) => `${v} * 10`,
		apply: (n: number) => n * 10,
	},
	{
		write: (v: string) => `${v} += 1`,
		value: (v: string) => `${v} + 1`,
		apply: (n: number) => n + 1,
	},
	{
		write: (v: string) => `${v} = ${v} * 2`,
		value: (v: string) => `${v} * 2`,
		apply: (n: number) => n * 2,
	},
] as const;

interface Params {
	names: (typeof NAMES)[number];
	values: number[];
	test: (typeof TESTS)[number];
	change: (typeof CHANGES)[number];
}

/** What a belief runs: the loop over a copy, remove taking every equal item, the loop variable written back. */
interface Belief {
	copy?: boolean;
	removeAll?: boolean;
	writeBack?: boolean;
}

/** The snippet's list at the end, as Python's list iterator walks it: by index, over the live list. */
function finalList({ values, test, change }: Params, belief: Belief) {
	const list = [...values];
	const walked = belief.copy ? [...values] : list;
	for (let i = 0; i < walked.length; i++) {
		const n = itemAt(walked, i);
		if (!test.holds(n)) continue;
		do list.splice(list.indexOf(n), 1);
		while (belief.removeAll && list.includes(n));
	}
	return belief.writeBack ? list.map(change.apply) : list;
}

const BELIEFS: Belief[] = [
	{},
	{ copy: true },
	{ removeAll: true },
	{ writeBack: true },
];

function draw(rng: Rng): Params {
	for (;;) {
		const size = rng.int(5, 6);
		const pool = rng.sample([1, 2, 3, 4, 6, 7, 8, 9], 4);
		const values = Array.from({ length: size }, () => rng.pick(pool));
		const params: Params = {
			names: rng.pick(NAMES),
			values,
			test: rng.pick(TESTS),
			change: rng.pick(CHANGES),
		};
		const shown = BELIEFS.map((b) => finalList(params, b).join(","));
		const kept = finalList(params, {});
		if (new Set(shown).size === shown.length && kept.length > 0) return params;
	}
}

const show = (values: readonly number[]) => `[${values.join(", ")}]`;

export const listMutationInLoop = defineFamily<Params>({
	id: "python/list-mutation-in-loop",
	idea: "py.mutating-while-looping",
	language: "python",
	difficulty: "medium",
	title: "Changing a list while looping over it",
	topics: ["lists", "loops", "iteration", "remove", "mutation"],
	params: draw,
	build: (params) => {
		const { names, values, test, change } = params;
		const { list, item } = names;
		const program = (
			o: { header?: string; remove?: string; second?: string[] } = {},
		) =>
			[
				// built from a string of digits, so the printed list does not echo a literal of the code
				`${list} = [int(c) for c in "${values.join("")}"]`,
				`for ${item} in ${o.header ?? list}:`,
				`    if ${test.write(item)}:`,
				`        ${o.remove ?? `${list}.remove(${item})`}`,
				...(o.second ?? [
					`for ${item} in ${list}:`,
					`    ${change.write(item)}`,
				]),
				`print(${list})`,
				"",
			].join("\n");
		const removed = values.filter((n) => test.holds(n));
		const kept = finalList(params, {});
		const skipped = kept.filter((n) => test.holds(n));
		// the first loop as Python runs it: by index, over the live list
		const live = [...values];
		const steps: string[] = [];
		for (let i = 0; i < live.length; i++) {
			const n = itemAt(live, i);
			if (!test.holds(n)) {
				steps.push(`index ${i}: ${n} is not ${test.being}, kept`);
				continue;
			}
			live.splice(live.indexOf(n), 1);
			const next = live[i];
			steps.push(
				`index ${i}: ${n} is ${test.being}, removed → ${show(live)}` +
					(next === undefined ? "" : `, so ${next} is skipped`),
			);
		}
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`the for loop walks over a copy of ${list} taken when it starts, so all the ${test.items} get removed`,
					code: program({ header: `${list}[:]` }),
				},
				{
					misconception: belief`${list}.remove(${item}) deletes every item equal to ${item}, not just the first`,
					code: program({
						remove: `while ${item} in ${list}: ${list}.remove(${item})`,
					}),
				},
				{
					misconception: belief`${change.write(item)} in the second loop changes the item of ${list} that ${item} came from`,
					code: program({
						second: [
							`for i, ${item} in enumerate(${list}):`,
							`    ${list}[i] = ${change.value(item)}`,
						],
					}),
				},
			],
			explain: (answer) =>
				`A for loop over a list walks it by position, and reads the list as it is now. ` +
				`When ${list}.remove(${item}) takes out an item, the items after it move one place to the left, so the item that moves into the current place is never looked at` +
				(skipped.length
					? `: here ${show(skipped)} ${agree(skipped, "is", "are")} ${test.being} but never looked at, so ${agree(skipped, "it stays", "they stay")}. `
					: ". ") +
				`Of the ${test.items}, ${show(removed)}, only those the loop reaches are removed. ` +
				`In the second loop, ${change.write(item)} only rebinds the name ${item}; the list is not changed. It prints ${answer}.`,
			trace: [
				...steps,
				`second loop: ${change.write(item)} rebinds ${item} only, ${list} stays ${show(kept)}`,
			],
		};
	},
});
