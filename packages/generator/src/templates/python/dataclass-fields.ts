import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";

const CLASSES = [
	{ cls: "Task", rank: "priority", label: "name", extra: "tags" },
	{ cls: "Job", rank: "level", label: "title", extra: "notes" },
	{ cls: "Item", rank: "rank", label: "label", extra: "marks" },
] as const;
const LABELS = ["cook", "dust", "iron", "wash", "mop", "shop", "bake", "fix"];
const TAGS = ["home", "urgent", "later", "weekly"];

interface Entry {
	rank: number;
	label: string;
}

interface Params {
	names: (typeof CLASSES)[number];
	/** the two equal instances: their fields, and which of them gets the tag */
	twin: Entry;
	tagged: "first" | "second";
	tag: string;
	/** the instances min or max picks from; two tie on rank at the end picked */
	pool: Entry[];
	pick: "min" | "max";
	/** how the twins are compared */
	compare: "==" | "!=";
}

function drawPool(rng: Rng, pick: "min" | "max"): Entry[] {
	for (;;) {
		const labels = rng.sample(LABELS, rng.int(3, 4));
		const ranks = labels.map(() => rng.int(1, 4));
		const pool = labels.map((label, i) => ({ rank: itemAt(ranks, i), label }));
		const best = pick === "min" ? Math.min(...ranks) : Math.max(...ranks);
		const tied = pool.filter((e) => e.rank === best);
		if (tied.length !== 2) continue;
		const [early, late] = [itemAt(tied, 0), itemAt(tied, 1)];
		// order=True breaks the tie on the label: it must pick the later one, not the first listed
		const byLabel =
			pick === "min" ? late.label < early.label : late.label > early.label;
		if (byLabel) return pool;
	}
}

export const dataclassFields = defineFamily<Params>({
	id: "python/dataclass-fields",
	idea: "py.dataclasses",
	language: "python",
	difficulty: "medium",
	title: "Dataclass defaults, equality and ordering",
	topics: [
		"dataclasses",
		"dataclass",
		"equality",
		"ordering",
		"default factory",
	],
	params: (rng) => {
		const pick = rng.pick(["min", "max"] as const);
		return {
			names: rng.pick(CLASSES),
			twin: { rank: rng.int(1, 4), label: rng.pick(LABELS) },
			tagged: rng.pick(["first", "second"] as const),
			tag: rng.pick(TAGS),
			pool: drawPool(rng, pick),
			pick,
			compare: rng.pick(["==", "!="] as const),
		};
	},
	build: ({ names, twin, tagged, tag, pool, pick, compare }) => {
		const { cls, rank, label, extra } = names;
		const [one, other] = tagged === "first" ? ["a", "b"] : ["b", "a"];
		const make = (e: Entry) => `${cls}(${e.rank}, "${e.label}")`;
		const program = (
			o: { field?: string; second?: string; key?: string } = {},
		) =>
			[
				"from dataclasses import dataclass, field",
				"",
				"@dataclass(order=True)",
				`class ${cls}:`,
				`    ${rank}: int`,
				`    ${label}: str`,
				`    ${extra}: list = ${o.field ?? "field(default_factory=list, compare=False)"}`,
				"",
				`a = ${make(twin)}`,
				`b = ${o.second ?? make(twin)}`,
				`${one}.${extra}.append("${tag}")`,
				`chosen = ${pick}([${pool.map(make).join(", ")}]${o.key ?? ""})`,
				`print(a ${compare} b, len(${other}.${extra}), chosen.${label})`,
				"",
			].join("\n");
		const best = pick === "min" ? "smallest" : "largest";
		const tied = pool.filter(
			(e) =>
				e.rank ===
				(pick === "min"
					? Math.min(...pool.map((p) => p.rank))
					: Math.max(...pool.map((p) => p.rank))),
		);
		const [early, late] = [itemAt(tied, 0), itemAt(tied, 1)];
		const fields = (e: Entry) => `(${e.rank}, '${e.label}')`;
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`== on dataclasses compares every field, ${extra} included, even one declared with compare=False`,
					code: program({ field: "field(default_factory=list)" }),
				},
				{
					misconception: belief`default_factory=list makes one list that every ${cls} shares, as a mutable default argument would`,
					code: program({
						second: `${cls}(${twin.rank}, "${twin.label}", a.${extra})`,
					}),
				},
				{
					misconception: belief`order=True compares only the first field, ${rank}, so ${pick} keeps the first of the tied ${cls} objects`,
					code: program({ key: `, key=lambda t: t.${rank}` }),
				},
			],
			explain: (answer) =>
				`@dataclass writes __eq__ for you: a == b compares the fields as a tuple, leaving out ${extra}, which is declared with compare=False, so a and b are equal and a ${compare} b is ${compare === "==" ? "True" : "False"}. ` +
				`field(default_factory=list) calls list() for each new ${cls}, so only ${one}.${extra} gets "${tag}" and ${other}.${extra} stays empty, of length 0. ` +
				`order=True compares (${rank}, ${label}) in the order the fields are declared: ${early.label} and ${late.label} tie on ${rank} ${early.rank}, ` +
				`so the ${label}s decide, and ${pick} picks "${late.label}" as the ${best}. It prints ${answer}.`,
			trace: [
				`a ${compare} b: ${fields(twin)} ${compare} ${fields(twin)} → ${compare === "==" ? "True" : "False"}, ${extra} left out`,
				`${one}.${extra}.append("${tag}"): ${one}.${extra} is ['${tag}'], ${other}.${extra} is still []`,
				`len(${other}.${extra}) → 0`,
				`${pick}: ${fields(early)} and ${fields(late)} tie on ${rank}, ${label} decides → ${late.label}`,
			],
		};
	},
});
