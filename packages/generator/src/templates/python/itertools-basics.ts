import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { agree, counted, listed } from "../prose.js";

const LETTERS = ["a", "b", "c"];
const NAMES = ["ann", "bob", "cy", "dee", "eve"];

/** One statement of the snippet, the name it binds (printed at the end), a belief that misreads it and why it gives what it gives. */
interface Facet {
	imports: string[];
	lines: string[];
	printed: string;
	mistake: { misconception: Belief; lines: string[]; imports?: string[] };
	why: string;
	/** the steps to the printed value, and the value as print shows it */
	steps: string[];
	value: string;
}

interface Params {
	/** the runs of equal letters groupby meets, in order */
	runs: { letter: string; length: number }[];
	prices: number[];
	initial: number | null;
	queue: number[];
	take: number;
	names: string[];
	scores: number[];
	facets: ("groupby" | "accumulate" | "islice" | "zip")[];
}

function drawRuns(rng: Rng): Params["runs"] {
	for (;;) {
		const runs: Params["runs"] = [];
		for (let i = rng.int(3, 5); i > 0; i--) {
			const previous = runs.at(-1)?.letter;
			runs.push({
				letter: rng.pick(LETTERS.filter((l) => l !== previous)),
				length: rng.int(1, 3),
			});
		}
		// a letter that comes back after another is what sorting would merge
		if (new Set(runs.map((r) => r.letter)).size < runs.length) return runs;
	}
}

const show = (values: readonly (number | string)[]) => `[${values.join(", ")}]`;
/** The running totals of `values` added one by one to `start`. */
const sums = (start: number, values: readonly number[]) => {
	let total = start;
	return values.map((v) => {
		total += v;
		return total;
	});
};

function facets(p: Params): Record<Params["facets"][number], Facet> {
	const codes = p.runs.map((r) => r.letter.repeat(r.length)).join("");
	const pricesList = show(p.prices);
	const queueList = show(p.queue);
	const second = p.queue.slice(p.take, 2 * p.take);
	const names = `[${p.names.map((n) => `"${n}"`).join(", ")}]`;
	const paired = p.names
		.slice(0, p.scores.length)
		.map((n, i) => `'${n}': ${itemAt(p.scores, i)}`);
	const totals =
		p.initial === null
			? [itemAt(p.prices, 0), ...sums(itemAt(p.prices, 0), p.prices.slice(1))]
			: [p.initial, ...sums(p.initial, p.prices)];
	return {
		groupby: {
			imports: ["groupby"],
			lines: [`sizes = [len(list(g)) for _, g in groupby("${codes}")]`],
			printed: "sizes",
			mistake: {
				misconception: belief`groupby gathers all equal items into one group wherever they are, as GROUP BY does in SQL`,
				lines: [
					`sizes = [len(list(g)) for _, g in groupby(sorted("${codes}"))]`,
				],
			},
			why: `groupby starts a new group each time the key changes, so "${codes}" splits into runs of ${listed(p.runs.map((r) => String(r.length)))}`,
			steps: [
				`groupby("${codes}") → ${p.runs.map((r) => r.letter.repeat(r.length)).join(", ")} → sizes = ${show(p.runs.map((r) => r.length))}`,
			],
			value: show(p.runs.map((r) => r.length)),
		},
		accumulate: {
			imports: ["accumulate"],
			lines: [
				`totals = list(accumulate(${pricesList}${p.initial === null ? "" : `, initial=${p.initial}`}))`,
			],
			printed: "totals",
			mistake:
				p.initial === null
					? {
							misconception: belief`accumulate starts its running total from 0 and lists that 0 first`,
							lines: [`totals = list(accumulate(${pricesList}, initial=0))`],
						}
					: {
							misconception: belief`initial=${p.initial} is added into the running totals but not listed itself`,
							lines: [
								`totals = list(accumulate(${pricesList}, initial=${p.initial}))[1:]`,
							],
						},
			why:
				p.initial === null
					? `accumulate yields the running totals, starting with the first item itself: ${show(totals)}`
					: `accumulate with initial=${p.initial} yields ${p.initial} first and then the running totals from it: ${show(totals)}`,
			steps: [
				`accumulate → ${totals
					.map((t, i) =>
						i === 0
							? String(t)
							: `${itemAt(totals, i - 1)} + ${t - itemAt(totals, i - 1)} = ${t}`,
					)
					.join(", ")}`,
			],
			value: show(totals),
		},
		islice: {
			imports: ["islice"],
			lines: [
				`it = iter(${queueList})`,
				`first = list(islice(it, ${p.take}))`,
				`second = list(islice(it, ${p.take}))`,
			],
			printed: "second",
			mistake: {
				misconception: belief`islice reads the items without using them up, so the second islice starts from the beginning again`,
				lines: [
					`it = iter(${queueList})`,
					`first = list(islice(it, ${p.take}))`,
					`second = list(islice(${queueList}, ${p.take}))`,
				],
			},
			why: `islice takes items from the iterator it, and taken items are gone, so the second islice(it, ${p.take}) continues where the first stopped: ${show(second)}`,
			steps: [
				`first = ${show(p.queue.slice(0, p.take))}; it still holds ${show(p.queue.slice(p.take))}`,
				`second = ${show(second)}, the next ${p.take} from it`,
			],
			value: show(second),
		},
		zip: {
			imports: [],
			lines: [`table = dict(zip(${names}, ${show(p.scores)}))`],
			printed: "table",
			mistake: {
				misconception: belief`zip pads the shorter list with None, so every name gets an entry`,
				lines: [`table = dict(zip_longest(${names}, ${show(p.scores)}))`],
				imports: ["zip_longest"],
			},
			why: `zip stops at the end of the shorter list, so only ${listed(p.names.slice(0, p.scores.length))} get scores: {${paired.join(", ")}}`,
			steps: [
				`zip stops after ${counted(p.scores, "score")}: ${p.names.slice(p.scores.length).join(", ")} ${agree(p.names.length - p.scores.length, "gets", "get")} none → {${paired.join(", ")}}`,
			],
			value: `{${paired.join(", ")}}`,
		},
	};
}

export const itertoolsBasics = defineFamily<Params>({
	id: "python/itertools-basics",
	idea: "py.itertools",
	language: "python",
	difficulty: "hard",
	title: "itertools: groupby, accumulate, islice and zip",
	topics: ["itertools", "iterators", "groupby", "accumulate", "islice", "zip"],
	params: (rng) => {
		const names = rng.sample(NAMES, rng.int(3, 4));
		return {
			runs: drawRuns(rng),
			prices: rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3),
			initial: rng.pick([null, null, 10, 20, 100]),
			queue: rng.sample([2, 3, 4, 5, 6, 7, 8, 9, 11, 12], 5),
			take: 2,
			names,
			scores: rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9], names.length - 1),
			facets: rng.sample(
				["groupby", "accumulate", "islice", "zip"] as const,
				3,
			),
		};
	},
	build: (p) => {
		const all = facets(p);
		const chosen = p.facets.map((f) => all[f]);
		const program = (changed: Facet | null) => {
			const imports = chosen
				.flatMap((f) => [
					...f.imports,
					...(f === changed ? (f.mistake.imports ?? []) : []),
				])
				.sort();
			return [
				...(imports.length
					? [`from itertools import ${imports.join(", ")}`, ""]
					: []),
				...chosen.flatMap((f) => (f === changed ? f.mistake.lines : f.lines)),
				`print(${chosen.map((f) => f.printed).join(", ")})`,
				"",
			].join("\n");
		};
		return {
			code: program(null),
			trace: [
				...chosen.flatMap((f) => f.steps),
				`print(${chosen.map((f) => f.printed).join(", ")}) → ${chosen.map((f) => f.value).join(" ")}`,
			],
			mistakes: chosen.map((f) => ({
				misconception: f.mistake.misconception,
				code: program(f),
			})),
			explain: (answer) =>
				`Each of these tools works through its input one item at a time: ${chosen.map((f) => f.why).join("; ")}. It prints ${answer}.`,
		};
	},
});
