import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

const LETTERS = ["ab", "xy", "pq", "abc", "xyz", "mn", "uvw"];
const NAMES = [
	["letters", "digits", "codes", "c", "d"],
	["rows", "cols", "cells", "r", "k"],
	["teams", "rounds", "games", "t", "n"],
	["sizes", "counts", "labels", "s", "i"],
] as const;
const FORMS = ["fstring", "concat", "dash"] as const;

interface Filter {
	kind: "not" | "odd" | "above" | "below" | "skip";
	/** the digit compared with, or the letter skipped */
	value: number | string;
}

interface Params {
	names: readonly [string, string, string, string, string];
	letters: string;
	digits: number[];
	form: (typeof FORMS)[number];
	filter: Filter;
}

function keeps({ kind, value }: Filter, letter: string, digit: number) {
	if (kind === "not") return digit !== value;
	if (kind === "odd") return digit % 2 === 1;
	if (kind === "above") return digit > Number(value);
	if (kind === "below") return digit < Number(value);
	return letter !== value;
}

/** Filters that keep at least two digits for each of at least two letters, so swapping the loops changes the order. */
function drawFilter(rng: Rng, letters: string, digits: number[]): Filter {
	const options: Filter[] = [
		{ kind: "not", value: rng.pick(digits) },
		{ kind: "odd", value: 0 },
		{ kind: "above", value: Math.min(...digits) },
		{ kind: "below", value: Math.max(...digits) },
	];
	if (letters.length > 2)
		options.push({ kind: "skip", value: rng.pick([...letters]) });
	const usable = options.filter((f) => {
		const rows = [...letters].map(
			(c) => digits.filter((n) => keeps(f, c, n)).length,
		);
		return (
			rows.filter((kept) => kept >= 2).length >= 2 &&
			rows.every((kept) => kept !== 1)
		);
	});
	return rng.pick(usable);
}

export const nestedComprehensions = defineFamily<Params>({
	id: "python/nested-comprehensions",
	idea: "py.comprehensions",
	language: "python",
	difficulty: "medium",
	title: "Nested list comprehensions with a condition",
	topics: ["list comprehensions", "comprehensions", "loops", "lists"],
	params: (rng) => {
		const letters = rng.pick(LETTERS);
		const size = letters.length === 3 ? 3 : rng.int(3, 4);
		const digits = rng.sample([1, 2, 3, 4, 5, 6], size).sort((a, b) => a - b);
		return {
			names: rng.pick(NAMES),
			letters,
			digits,
			form: rng.pick(FORMS),
			filter: drawFilter(rng, letters, digits),
		};
	},
	build: ({ names, letters, digits, form, filter }) => {
		const [outer, inner, result, o, i] = names;
		const item = {
			fstring: `f"{${o}}{${i}}"`,
			concat: `${o} + str(${i})`,
			dash: `f"{${o}}-{${i}}"`,
		}[form];
		const condition = {
			not: `${i} != ${filter.value}`,
			odd: `${i} % 2 == 1`,
			above: `${i} > ${filter.value}`,
			below: `${i} < ${filter.value}`,
			skip: `${o} != "${filter.value}"`,
		}[filter.kind];
		const loopO = `for ${o} in ${outer}`;
		const loopI = `for ${i} in ${inner}`;
		const program = (comprehension: string) =>
			`${outer} = "${letters}"\n${inner} = [${digits.join(", ")}]\n${result} = ${comprehension}\nprint(${result})\n`;
		const joint = (c: string, n: number) =>
			form === "dash" ? `${c}-${n}` : `${c}${n}`;
		const kept = [...letters].flatMap((c) =>
			digits.filter((n) => keeps(filter, c, n)).map((n) => joint(c, n)),
		);
		// the items the filter drops: none when every digit passes (odd digits only), so that belief is left out
		const dropped = [...letters].some((c) =>
			digits.some((n) => !keeps(filter, c, n)),
		);
		const step = (c: string) => {
			const passing = digits.filter((n) => keeps(filter, c, n));
			const made = passing.map((n) => joint(c, n)).join(", ");
			if (filter.kind === "skip")
				return passing.length === 0
					? `${o} = "${c}": ${o} != "${c}" is False, nothing kept`
					: `${o} = "${c}": ${condition} is True for every ${i} → ${made}`;
			return `${o} = "${c}": ${condition} keeps ${i} = ${passing.join(", ")} → ${made}`;
		};
		return {
			code: program(`[${item} ${loopO} ${loopI} if ${condition}]`),
			trace: [
				...[...letters].map(step),
				`${result} → [${kept.map((k) => `'${k}'`).join(", ")}]`,
			],
			mistakes: [
				{
					misconception: belief`the last for clause is the outer loop, so ${o} changes fastest`,
					code: program(`[${item} ${loopI} ${loopO} if ${condition}]`),
				},
				{
					misconception: belief`two for clauses step through both sequences together, like zip`,
					code: program(
						`[${item} for ${o}, ${i} in zip(${outer}, ${inner}) if ${condition}]`,
					),
				},
				{
					misconception: belief`two for clauses build a list of lists, one inner list for each outer item`,
					code: program(`[[${item} ${loopI} if ${condition}] ${loopO}]`),
				},
				// edits only the condition, so it combines with the beliefs about the for clauses
				...(dropped
					? [
							{
								misconception: belief`the if clause names the items to leave out, as in filtering something out`,
								code: program(
									`[${item} ${loopO} ${loopI} if not (${condition})]`,
								),
							},
						]
					: []),
			],
			explain: (answer) =>
				`The for clauses nest in the order they are written, like two nested for statements: ${loopO} is the outer loop, ` +
				`and for each ${o}, ${loopI} runs in full. The if clause comes last and filters each pair, keeping those where ${condition}. ` +
				`The result is one flat list: ${listed(kept)}. It prints ${answer}.`,
		};
	},
});
