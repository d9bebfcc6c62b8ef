import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

const THEMES = [
	{
		have: "stock",
		gone: "sold",
		keys: ["fig", "kiwi", "plum", "lime", "pear"],
	},
	{
		have: "votes",
		gone: "void",
		keys: ["red", "blue", "gold", "teal", "pink"],
	},
	{
		have: "seats",
		gone: "taken",
		keys: ["oslo", "rome", "lima", "kyiv", "bonn"],
	},
] as const;

type Entries = [string, number][];

interface Params {
	names: { have: string; gone: string };
	/** the list the Counter is built from */
	items: string[];
	/** what update adds */
	added: Entries;
	/** the Counter subtracted */
	removed: Entries;
	/** a key never counted */
	missing: string;
}

/** Python's Counter, for the few operations the snippet uses; insertion order is kept as a dict keeps it. */
const counted = (items: readonly string[]) => {
	const out = new Map<string, number>();
	for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
	return out;
};

/** What the snippet prints, and what each belief prints, for these params. */
function outputs({ items, added, removed }: Params) {
	const shown = (missing: string, left: Map<string, number>) =>
		`${missing} {${[...left].map(([k, v]) => `'${k}': ${v}`).join(", ")}}`;
	const updated = (replace: boolean) => {
		const have = counted(items);
		for (const [k, v] of added)
			have.set(k, replace ? v : (have.get(k) ?? 0) + v);
		return have;
	};
	const minus = (have: Map<string, number>) => {
		const gone = new Map(removed);
		return new Map(
			[...have]
				.map(([k, v]): [string, number] => [k, v - (gone.get(k) ?? 0)])
				.filter(([, v]) => v > 0),
		);
	};
	const have = updated(false);
	const kept = new Map(have);
	for (const [k, v] of removed) kept.set(k, (kept.get(k) ?? 0) - v);
	const gone = new Set(removed.map(([k]) => k));
	return {
		answer: shown("0", minus(have)),
		replaced: shown("0", minus(updated(true))),
		kept: shown("0", kept),
		keysOnly: shown("0", new Map([...have].filter(([k]) => !gone.has(k)))),
		none: shown("None", minus(have)),
	};
}

function draw(rng: Rng): Params {
	for (;;) {
		const theme = rng.pick(THEMES);
		const keys = rng.sample(theme.keys, 5);
		const base = keys.slice(0, rng.int(3, 4));
		const items = rng.shuffle(
			base.flatMap((k) => Array.from({ length: rng.int(1, 3) }, () => k)),
		);
		const pick = (from: readonly string[], n: number): Entries =>
			rng.sample(from, n).map((k) => [k, rng.int(1, 3)]);
		const added = pick(keys.slice(0, base.length + 1), 2);
		// a key neither counted nor added: reading it shows what a missing key gives
		const missing = keys.find(
			(k) => !base.includes(k) && !added.some(([a]) => a === k),
		);
		if (missing === undefined) continue;
		const params: Params = {
			names: { have: theme.have, gone: theme.gone },
			items,
			added,
			removed: pick(keys, 2),
			missing,
		};
		const texts = Object.values(outputs(params));
		if (new Set(texts).size === texts.length) return params;
	}
}

const literal = (entries: Entries) =>
	`{${entries.map(([k, v]) => `"${k}": ${v}`).join(", ")}}`;

export const counterArithmetic = defineFamily<Params>({
	id: "python/counter-arithmetic",
	idea: "py.counter",
	language: "python",
	difficulty: "medium",
	title: "Counting with collections.Counter",
	topics: ["counter", "collections", "dictionaries", "counting"],
	params: draw,
	build: ({ names: { have, gone }, items, added, removed, missing }) => {
		const lines = {
			update: `${have}.update(${literal(added)})`,
			subtract: `left = ${have} - ${gone}`,
			read: `${have}["${missing}"]`,
		};
		const program = (changed: Partial<typeof lines> = {}) => {
			const line = { ...lines, ...changed };
			return [
				"from collections import Counter",
				"",
				`${have} = Counter([${items.map((i) => `"${i}"`).join(", ")}])`,
				line.update,
				`${gone} = Counter(${literal(removed)})`,
				line.subtract,
				`print(${line.read}, dict(left))`,
				"",
			].join("\n");
		};
		const dictText = (counts: Map<string, number>) =>
			`{${[...counts].map(([k, v]) => `'${k}': ${v}`).join(", ")}}`;
		const start = counted(items);
		const after = new Map(start);
		for (const [k, v] of added) after.set(k, (after.get(k) ?? 0) + v);
		const differences = removed.map(([k, v]) => {
			const before = after.get(k) ?? 0;
			const diff = before - v;
			return `${k} ${before} - ${v} = ${diff}${diff > 0 ? "" : ", dropped"}`;
		});
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${have}.update replaces the counts of the keys it is given, as dict.update does`,
					code: program({ update: `dict.update(${have}, ${literal(added)})` }),
				},
				{
					misconception: belief`subtracting Counters keeps the keys whose count falls to zero or below`,
					code: program({
						subtract: `left = ${have}.copy()\nleft.subtract(${gone})`,
					}),
				},
				{
					misconception: belief`${have} - ${gone} works like a set difference and drops every key that ${gone} has`,
					code: program({
						subtract: `left = Counter({k: v for k, v in ${have}.items() if k not in ${gone}})`,
					}),
				},
				{
					misconception: belief`a Counter gives None for a key it has never counted, as dict.get does`,
					code: program({ read: `${have}.get("${missing}")` }),
				},
			],
			explain: (answer) =>
				`A Counter is a dict of counts. update adds to the counts (${listed(added.map(([k, v]) => `"${k}" gains ${v}`))}) instead of replacing them. ` +
				`${have} - ${gone} subtracts count by count and keeps only the keys whose count stays above zero, so a key that reaches zero or less disappears. ` +
				`Reading a key that was never counted, such as "${missing}", gives 0 without adding it. ` +
				`It prints ${answer}.`,
			trace: [
				`Counter(...) → ${dictText(start)}`,
				`after update → ${dictText(after)}`,
				`${have} - ${gone}: ${differences.join("; ")}`,
				`${have}["${missing}"] → 0, and "${missing}" is not added`,
			],
		};
	},
});
