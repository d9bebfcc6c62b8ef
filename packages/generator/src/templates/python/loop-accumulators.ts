import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily, type LineChange } from "../family.js";
import {
	type Draft,
	distinct,
	type Edit,
	finishFix,
	list,
} from "../fix-draft.js";
import { withArticle } from "../prose.js";

/** The text with its first letter in capitals, to start a sentence. */
const capitalised = (text: string) =>
	text.charAt(0).toUpperCase() + text.slice(1);

interface Theme {
	/** the list's name, plural */
	items: string;
	/** one of its items */
	item: string;
}

const THEMES: readonly Theme[] = [
	{ items: "prices", item: "price" },
	{ items: "scores", item: "score" },
	{ items: "steps", item: "step" },
	{ items: "weights", item: "weight" },
	{ items: "readings", item: "reading" },
	{ items: "points", item: "point" },
	{ items: "sales", item: "sale" },
	{ items: "laps", item: "lap" },
	{ items: "votes", item: "vote" },
	{ items: "levels", item: "level" },
];

// ---------------------------------------------------------------- easy: the sum of the first n

type SumFirstBug = "from-one" | "one-short" | "assigned" | "index";

interface SumFirst {
	shape: "sum-first";
	name: string;
	theme: Theme;
	index: string;
	bug: SumFirstBug;
	/** [list, n] per example; the first takes fewer than all */
	cases: readonly (readonly [readonly number[], number])[];
}

function drawSumFirst(rng: Rng): SumFirst {
	const first = distinct(rng, rng.int(4, 6), 1, 30);
	const whole = distinct(rng, rng.int(3, 5), 1, 30);
	return {
		shape: "sum-first",
		name: rng.pick(["sum_first", "first_total", "total_of_first", "add_first"]),
		theme: rng.pick(THEMES),
		index: rng.pick(["i", "k", "j"]),
		bug: rng.pick(["from-one", "one-short", "assigned", "index"] as const),
		cases: [
			[first, rng.int(2, first.length - 1)],
			[whole, whole.length],
		],
	};
}

function buildSumFirst(p: SumFirst): Draft {
	const { items, item } = p.theme;
	const i = p.index;
	const lines = [
		`def ${p.name}(${items}, n):`,
		`    """Return the sum of the first n ${items} (n is at most len(${items}))."""`,
		"    total = 0",
		`    for ${i} in range(n):`,
		`        total += ${items}[${i}]`,
		"    return total",
	];
	const edits = {
		startFirst: {
			line: 3,
			text: `    total = ${items}[0]`,
			misconception: belief`the total should start from the first ${item} rather than from 0`,
		},
		oneToN: {
			line: 4,
			text: `    for ${i} in range(1, n + 1):`,
			misconception: belief`the first n ${items} sit at positions 1 to n`,
		},
		past: {
			line: 4,
			text: `    for ${i} in range(n + 1):`,
			misconception: belief`range(n) stops before n, so it leaves out one of the first n ${items}`,
		},
		whole: {
			line: 4,
			text: `    for ${i} in range(len(${items})):`,
			misconception: belief`the loop has to visit every one of the ${items}, whatever n is`,
		},
		shifted: {
			line: 5,
			text: `        total += ${items}[${i} + 1]`,
			misconception: belief`${i} counts from 0, so the ${item} it stands for is ${items}[${i} + 1]`,
		},
		position: {
			line: 5,
			text: `        total += ${i}`,
			misconception: belief`${i} is the ${item} itself rather than its position`,
		},
		counting: {
			line: 5,
			text: "        total += 1",
			misconception: belief`each pass of the loop should add one to the total`,
		},
		addLast: {
			line: 6,
			text: `    return total + ${items}[n]`,
			misconception: belief`the loop stops one ${item} early, so the last one has to be added after it`,
		},
		sumTotal: {
			line: 6,
			text: "    return sum(total)",
			misconception: belief`total collects the ${items}, and sum adds them up at the end`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		SumFirstBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		"from-one": {
			bug: { line: 4, text: `    for ${i} in range(1, n):` },
			wrong: [
				edits.oneToN,
				edits.past,
				edits.whole,
				edits.position,
				edits.addLast,
				edits.sumTotal,
			],
			why: `\`range(1, n)\` starts at position 1, so \`${items}[0]\` is never added and only the next n - 1 of the ${items} are summed. Positions count from 0: \`range(n)\` gives 0 to n - 1, exactly the first n ${items}.`,
		},
		"one-short": {
			bug: { line: 4, text: `    for ${i} in range(n - 1):` },
			wrong: [
				edits.startFirst,
				edits.oneToN,
				edits.past,
				edits.whole,
				edits.shifted,
				edits.sumTotal,
			],
			why: `\`range(n - 1)\` stops before n - 1, so the loop adds only the first n - 1 of the ${items}. \`range(n)\` already stops at the last of the first n positions, 0 to n - 1.`,
		},
		assigned: {
			bug: { line: 5, text: `        total = ${items}[${i}]` },
			wrong: [
				edits.startFirst,
				edits.past,
				edits.whole,
				edits.position,
				edits.counting,
				edits.sumTotal,
			],
			why: `total = ${items}[${i}] replaces the total on every pass, so only the last ${item} survives. total += ${items}[${i}] adds each ${item} to what is already there.`,
		},
		index: {
			bug: { line: 5, text: `        total += ${i}` },
			wrong: [
				edits.startFirst,
				edits.oneToN,
				edits.past,
				edits.shifted,
				edits.counting,
				edits.sumTotal,
			],
			why: `${i} runs over the positions 0 to n - 1, so total += ${i} adds up positions. The ${item} at that position is ${items}[${i}], and that is what the sum needs.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}, n):\n    return sum(${items}[:n])\n`,
		examples: p.cases.map(([values, n]) => `${p.name}(${list(values)}, ${n})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- easy: counting matches

interface Sense {
	words: string;
	op: string;
	/** the comparison that gets the edge case wrong */
	edge: string;
	/** what the words do with the limit itself: "leaves out" or "takes in" */
	edgeWhy: string;
}

const SENSES: readonly Sense[] = [
	{
		words: "greater than",
		op: ">",
		edge: ">=",
		edgeWhy: "leaves out",
	},
	{
		words: "at least",
		op: ">=",
		edge: ">",
		edgeWhy: "takes in",
	},
	{
		words: "less than",
		op: "<",
		edge: "<=",
		edgeWhy: "leaves out",
	},
	{
		words: "at most",
		op: "<=",
		edge: "<",
		edgeWhy: "takes in",
	},
];

/** The comparison read from the other side: `a > b` is `b < a`. */
const MIRROR: Record<string, string> = {
	">": "<",
	">=": "<=",
	"<": ">",
	"<=": ">=",
};

type CountBug = "edge" | "assigned" | "summed" | "start";

interface CountMatches {
	shape: "count-matches";
	name: string;
	theme: Theme;
	limit: string;
	sense: Sense;
	bug: CountBug;
	cases: readonly (readonly [readonly number[], number])[];
}

function drawCountMatches(rng: Rng): CountMatches {
	// the first list holds the limit itself and at least two items on each side of it
	const limit = rng.int(8, 20);
	const below = distinct(rng, rng.int(2, 3), 1, limit - 2);
	const above = distinct(rng, rng.int(2, 3), limit + 2, 40);
	const first = rng.shuffle([...below, limit, ...above]);
	const other = rng.int(8, 20);
	const second = rng.shuffle([
		...distinct(rng, 2, other + 2, 40),
		...distinct(rng, 1, 1, other - 2),
	]);
	return {
		shape: "count-matches",
		name: rng.pick(["count_matching", "how_many", "tally"]),
		theme: rng.pick(THEMES),
		limit: rng.pick(["limit", "bound", "cutoff", "mark"]),
		sense: rng.pick(SENSES),
		bug: rng.pick(["edge", "assigned", "summed", "start"] as const),
		cases: [
			[first, limit],
			[second, other],
		],
	};
}

function buildCountMatches(p: CountMatches): Draft {
	const { items, item } = p.theme;
	const { op, edge } = p.sense;
	const limit = p.limit;
	const lines = [
		`def ${p.name}(${items}, ${limit}):`,
		`    """Return how many of the ${items} are ${p.sense.words} ${limit}."""`,
		"    count = 0",
		`    for ${item} in ${items}:`,
		`        if ${item} ${op} ${limit}:`,
		"            count += 1",
		"    return count",
	];
	const edits = {
		startOne: {
			line: 3,
			text: "    count = 1",
			misconception: belief`the first ${item} has to be counted before the loop starts`,
		},
		startNone: {
			line: 3,
			text: "    count = None",
			misconception: belief`count should start out empty, holding no number yet`,
		},
		edge: {
			line: 5,
			text: `        if ${item} ${edge} ${limit}:`,
			misconception: belief`"${p.sense.words} ${limit}" ${edge.includes("=") ? "takes" : "leaves"} ${limit} itself ${edge.includes("=") ? "in" : "out"}`,
		},
		swapped: {
			line: 5,
			text: `        if ${limit} ${op} ${item}:`,
			misconception: belief`${limit} ${op} ${item} asks whether the ${item} is ${p.sense.words} ${limit}`,
		},
		summed: {
			line: 6,
			text: `            count += ${item}`,
			misconception: belief`count should add up the ${items} that pass the test`,
		},
		plusEquals: {
			line: 6,
			text: "            count =+ 1",
			misconception: belief`=+ adds to count just as += does`,
		},
		plusOne: {
			line: 7,
			text: "    return count + 1",
			misconception: belief`count starts at 0, so it ends one short of the real number`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		CountBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		edge: {
			bug: { line: 5, text: `        if ${item} ${edge} ${limit}:` },
			wrong: [
				edits.startOne,
				edits.swapped,
				edits.summed,
				edits.plusEquals,
				edits.plusOne,
			],
			why: `${capitalised(withArticle(item))} equal to ${limit} makes the difference: "${p.sense.words} ${limit}" ${p.sense.edgeWhy} ${limit} itself, which is what ${item} ${op} ${limit} tests, while ${item} ${edge} ${limit} ${edge.includes("=") ? "counts it too" : "leaves it out"}.`,
		},
		assigned: {
			bug: { line: 6, text: "            count = 1" },
			wrong: [
				edits.startOne,
				edits.edge,
				edits.swapped,
				edits.summed,
				edits.plusEquals,
				edits.plusOne,
			],
			why: `\`count = 1\` sets the count back to 1 at every match, so it can never pass 1. \`count += 1\` adds one to it for each ${item} that passes the test.`,
		},
		summed: {
			bug: { line: 6, text: `            count += ${item}` },
			wrong: [
				edits.startOne,
				edits.edge,
				edits.swapped,
				edits.plusEquals,
				edits.plusOne,
			],
			why: `count += ${item} adds up the matching ${items} themselves. A count grows by one for each match, whatever its value: count += 1.`,
		},
		start: {
			bug: { line: 3, text: "    count = 1" },
			wrong: [
				edits.startNone,
				edits.edge,
				edits.swapped,
				edits.summed,
				edits.plusEquals,
				edits.plusOne,
			],
			why: `Starting at 1 counts one match before any ${item} has been looked at, so every answer is one too big. Before the loop nothing has matched: count = 0.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}, ${limit}):\n    return len([${item} for ${item} in ${items} if ${item} ${op} ${limit}])\n`,
		examples: p.cases.map(
			([values, bound]) => `${p.name}(${list(values)}, ${bound})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- medium: running totals

type TotalsBug = "appended-item" | "assigned" | "seeded" | "started";

interface RunningTotals {
	shape: "running-totals";
	name: string;
	theme: Theme;
	names: readonly [string, string];
	bug: TotalsBug;
	cases: readonly (readonly number[])[];
}

function drawRunningTotals(rng: Rng): RunningTotals {
	return {
		shape: "running-totals",
		name: rng.pick([
			"running_totals",
			"prefix_sums",
			"cumulative",
			"totals_so_far",
		]),
		theme: rng.pick(THEMES),
		names: rng.pick([
			["totals", "total"],
			["sums", "running"],
			["result", "acc"],
			["out", "so_far"],
		] as const),
		bug: rng.pick(["appended-item", "assigned", "seeded", "started"] as const),
		cases: [
			distinct(rng, rng.int(3, 5), 1, 20),
			distinct(rng, rng.int(2, 3), 1, 20),
			[],
		],
	};
}

function buildRunningTotals(p: RunningTotals): Draft {
	const { items, item } = p.theme;
	const [out, acc] = p.names;
	const lines = [
		`def ${p.name}(${items}):`,
		`    """Return a list whose item i is ${items}[0] + ... + ${items}[i]."""`,
		`    ${out} = []`,
		`    ${acc} = 0`,
		`    for ${item} in ${items}:`,
		`        ${acc} += ${item}`,
		`        ${out}.append(${acc})`,
		`    return ${out}`,
	];
	const edits = {
		seeded: {
			line: 3,
			text: `    ${out} = [0]`,
			misconception: belief`the list has to start with 0, the total before any ${item}`,
		},
		startFirst: {
			line: 4,
			text: `    ${acc} = ${items}[0]`,
			misconception: belief`the running total starts from the first ${item}`,
		},
		skipFirst: {
			line: 5,
			text: `    for ${item} in ${items}[1:]:`,
			misconception: belief`the first ${item} is already counted before the loop, so it starts from the second`,
		},
		addAgain: {
			line: 7,
			text: `        ${out}.append(${acc} + ${item})`,
			misconception: belief`the ${item} still has to be added to ${acc} as it is appended`,
		},
		plusEquals: {
			line: 7,
			text: `        ${out} += ${acc}`,
			misconception: belief`+= on a list appends a number to it`,
		},
		dropFirst: {
			line: 8,
			text: `    return ${out}[1:]`,
			misconception: belief`the first total is only a starting value and should be dropped`,
		},
		dropLast: {
			line: 8,
			text: `    return ${out}[:-1]`,
			misconception: belief`the loop appends one total too many at the end`,
		},
		final: {
			line: 8,
			text: `    return ${acc}`,
			misconception: belief`${acc} holds every total by the time the loop ends`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		TotalsBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		"appended-item": {
			bug: { line: 7, text: `        ${out}.append(${item})` },
			wrong: [
				edits.seeded,
				edits.skipFirst,
				edits.addAgain,
				edits.plusEquals,
				edits.dropFirst,
				edits.final,
			],
			why: `${acc} adds up the ${items} seen so far, but ${out}.append(${item}) stores only the latest ${item}, so the list comes back as a copy of ${items}. Appending ${acc} stores the total up to that ${item}.`,
		},
		assigned: {
			bug: { line: 6, text: `        ${acc} = ${item}` },
			wrong: [
				edits.seeded,
				edits.startFirst,
				edits.skipFirst,
				edits.addAgain,
				edits.dropFirst,
				edits.final,
			],
			why: `${acc} = ${item} throws away the total so far on every pass, so each entry is just one ${item}. ${acc} += ${item} keeps the total and adds the new ${item} to it.`,
		},
		seeded: {
			bug: { line: 3, text: `    ${out} = [0]` },
			wrong: [
				edits.startFirst,
				edits.skipFirst,
				edits.addAgain,
				edits.plusEquals,
				edits.dropLast,
				edits.final,
			],
			why: `Starting the list with 0 puts an extra entry in front, so every total sits one place too far and the list is one too long. The loop appends one total per ${item}, so the list must start empty.`,
		},
		started: {
			bug: { line: 4, text: `    ${acc} = ${items}[0]` },
			wrong: [
				edits.seeded,
				edits.skipFirst,
				edits.addAgain,
				edits.plusEquals,
				edits.dropFirst,
				edits.final,
			],
			why: `Starting ${acc} at ${items}[0] counts the first ${item} twice, since the loop adds it again (and an empty list has no ${items}[0] at all). Before the loop the total of no ${items} is 0.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `from itertools import accumulate\n\ndef ${p.name}(${items}):\n    return list(accumulate(${items}))\n`,
		examples: p.cases.map((values) => `${p.name}(${list(values)})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- medium: the largest or smallest

type ExtremeBug = "zero" | "flipped" | "last";

interface Extreme {
	shape: "extreme";
	largest: boolean;
	name: string;
	theme: Theme;
	best: string;
	bug: ExtremeBug;
	cases: readonly (readonly number[])[];
}

function drawExtreme(rng: Rng): Extreme {
	const largest = rng.bool();
	// every case keeps its extreme away from the ends; the first is all on the side 0 gets wrong
	const arrange = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		const extreme = largest ? sorted.at(-1) : sorted[0];
		const rest = rng.shuffle(values.filter((v) => v !== extreme));
		const at = rng.int(1, rest.length - 1);
		return [...rest.slice(0, at), extreme ?? 0, ...rest.slice(at)];
	};
	const sign = largest ? -1 : 1;
	const first = arrange(
		distinct(rng, rng.int(4, 5), 2, 30).map((v) => sign * v),
	);
	const mixed = arrange(distinct(rng, rng.int(3, 5), -20, 40));
	return {
		shape: "extreme",
		largest,
		name: largest
			? rng.pick(["largest", "highest", "biggest"])
			: rng.pick(["smallest", "lowest", "least"]),
		theme: rng.pick(THEMES),
		best: rng.pick(["best", "result", "record"]),
		bug: rng.pick(["zero", "flipped", "last"] as const),
		cases: [first, mixed],
	};
}

function buildExtreme(p: Extreme): Draft {
	const { items, item } = p.theme;
	const best = p.best;
	const op = p.largest ? ">" : "<";
	const flipped = MIRROR[op] ?? op;
	const word = p.largest ? "largest" : "smallest";
	const lines = [
		`def ${p.name}(${items}):`,
		`    """Return the ${word} of the ${items} (there is at least one)."""`,
		`    ${best} = ${items}[0]`,
		`    for ${item} in ${items}:`,
		`        if ${item} ${op} ${best}:`,
		`            ${best} = ${item}`,
		`    return ${best}`,
	];
	const edits = {
		zero: {
			line: 3,
			text: `    ${best} = 0`,
			misconception: belief`0 is a safe starting value for the ${word} ${item}`,
		},
		none: {
			line: 3,
			text: `    ${best} = None`,
			misconception: belief`${best} can start out empty and the first comparison will fill it in`,
		},
		beyond: {
			line: 3,
			text: `    ${best} = ${p.largest ? -1 : 1}`,
			misconception: belief`${p.largest ? "-1 is below" : "1 is above"} any ${item} the list could hold`,
		},
		skipFirst: {
			line: 4,
			text: `    for ${item} in ${items}[1:]:`,
			misconception: belief`the loop must skip the first ${item}, which ${best} already holds`,
		},
		orEqual: {
			line: 5,
			text: `        if ${item} ${op}= ${best}:`,
			misconception: belief`${withArticle(item)} equal to ${best} must replace it too`,
		},
		mirrored: {
			line: 5,
			text: `        if ${best} ${op} ${item}:`,
			misconception: belief`the ${item} being tested goes on the right of the comparison`,
		},
		last: {
			line: 7,
			text: `    return ${item}`,
			misconception: belief`the loop leaves the ${word} ${item} in ${item}`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		ExtremeBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		zero: {
			bug: { line: 3, text: `    ${best} = 0` },
			wrong: [
				edits.none,
				...(p.largest ? [edits.beyond] : []),
				edits.skipFirst,
				edits.orEqual,
				edits.mirrored,
				edits.last,
			],
			why: `Starting from 0 only works when some ${item} is ${p.largest ? "above" : "below"} 0: if every ${item} is ${p.largest ? "negative" : "positive"}, no ${item} beats 0 and 0 comes back, though it is not in the list. Starting from ${items}[0], a real ${item}, the loop can only replace it with a ${p.largest ? "bigger" : "smaller"} one.`,
		},
		flipped: {
			bug: { line: 5, text: `        if ${item} ${flipped} ${best}:` },
			wrong: [
				edits.zero,
				edits.none,
				edits.skipFirst,
				edits.mirrored,
				edits.last,
			],
			why: `With ${flipped}, ${best} is replaced by every ${item} ${p.largest ? "smaller" : "bigger"} than it, so it ends on the ${p.largest ? "smallest" : "largest"} ${item}. The ${word} needs ${item} ${op} ${best}: replace ${best} only by a ${p.largest ? "bigger" : "smaller"} ${item}.`,
		},
		last: {
			bug: { line: 7, text: `    return ${item}` },
			wrong: [
				edits.zero,
				edits.none,
				edits.skipFirst,
				edits.orEqual,
				edits.mirrored,
			],
			why: `After the loop ${item} is simply the last ${item} of the list; the ${word} one seen so far is kept in ${best}, which is what the function must return.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}):\n    return ${p.largest ? "max" : "min"}(${items})\n`,
		examples: p.cases.map((values) => `${p.name}(${list(values)})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- hard: the longest run

interface RunTheme {
	items: string;
	item: string;
	/** the value whose runs are measured, then the others */
	values: readonly [string, ...string[]];
}

const RUN_THEMES: readonly RunTheme[] = [
	{ items: "flips", item: "flip", values: ["'H'", "'T'"] },
	{ items: "days", item: "day", values: ["'wet'", "'dry'", "'fog'"] },
	{ items: "bits", item: "bit", values: ["1", "0"] },
	{ items: "moves", item: "move", values: ["'L'", "'R'", "'U'"] },
	{ items: "rolls", item: "roll", values: ["6", "3", "1", "4"] },
	{ items: "answers", item: "answer", values: ["True", "False"] },
	{ items: "results", item: "result", values: ["'win'", "'loss'", "'draw'"] },
];

type StreakBug = "tail" | "assigned" | "overwritten";

interface Streak {
	shape: "streak";
	name: string;
	theme: RunTheme;
	names: readonly [string, string];
	bug: StreakBug;
	/** each case as runs: a count of the target, then the others between */
	cases: readonly (readonly string[])[];
}

function drawStreak(rng: Rng): Streak {
	const theme = rng.pick(RUN_THEMES);
	const [target, ...others] = theme.values;
	const other = () => rng.pick(others);
	const gap = (most: number) => Array.from({ length: rng.int(1, most) }, other);
	const run = (n: number) => Array.from({ length: n }, () => target);
	// the longest run at the end
	const short = rng.int(1, 2);
	const atEnd = [
		...(rng.bool() ? gap(1) : []),
		...run(short),
		...gap(2),
		...run(short + rng.int(1, 2)),
	];
	// the longest run first, then a shorter one that the list goes on after
	const long = rng.int(2, 3);
	const inMiddle = [
		...(rng.bool() ? gap(1) : []),
		...run(long),
		...gap(2),
		...run(rng.int(1, long - 1)),
		...gap(1),
	];
	const cases = rng.shuffle([atEnd, inMiddle]);
	return {
		shape: "streak",
		name: rng.pick(["longest_run", "longest_streak", "max_streak"]),
		theme,
		names: rng.pick([
			["best", "run"],
			["longest", "current"],
			["top", "streak"],
		] as const),
		bug: rng.pick(["tail", "assigned", "overwritten"] as const),
		cases: [...cases, rng.bool() ? [] : gap(2)],
	};
}

function buildStreak(p: Streak): Draft {
	const { items, item } = p.theme;
	const [best, run] = p.names;
	const lines = [
		`def ${p.name}(${items}, target):`,
		`    """Return the length of the longest run of consecutive ${items} equal to target."""`,
		`    ${best} = 0`,
		`    ${run} = 0`,
		`    for ${item} in ${items}:`,
		`        if ${item} == target:`,
		`            ${run} += 1`,
		"        else:",
		`            ${best} = max(${best}, ${run})`,
		`            ${run} = 0`,
		`    return max(${best}, ${run})`,
	];
	const edits = {
		bestOne: {
			line: 3,
			text: `    ${best} = 1`,
			misconception: belief`a run always has at least one ${item} in it`,
		},
		runOne: {
			line: 4,
			text: `    ${run} = 1`,
			misconception: belief`the first ${item} is already part of a run before the loop starts`,
		},
		setOne: {
			line: 7,
			text: `            ${run} = 1`,
			misconception: belief`${run} only has to record that the ${item} matched`,
		},
		overwrite: {
			line: 9,
			text: `            ${best} = ${run}`,
			misconception: belief`the run that has just ended is always the longest so far`,
		},
		added: {
			line: 9,
			text: `            ${best} += ${run}`,
			misconception: belief`${best} should add up the runs as they end`,
		},
		restartOne: {
			line: 10,
			text: `            ${run} = 1`,
			misconception: belief`the ${item} that ends a run already starts the next one`,
		},
		returnBest: {
			line: 11,
			text: `    return ${best}`,
			misconception: belief`${best} already holds every run once the loop is over`,
		},
		returnRun: {
			line: 11,
			text: `    return ${run}`,
			misconception: belief`${run} still holds the longest run when the loop ends`,
		},
		plusOne: {
			line: 11,
			text: `    return ${best} + 1`,
			misconception: belief`${best} misses the last ${item} of the run that ends the list`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		StreakBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		tail: {
			bug: { line: 11, text: `    return ${best}` },
			wrong: [
				edits.runOne,
				edits.setOne,
				edits.overwrite,
				edits.restartOne,
				edits.returnRun,
				edits.plusOne,
			],
			why: `${best} is only updated when a run ends at a different ${item}. A run that lasts to the end of the list never meets one, so its length is still in ${run} when the loop stops: the answer is the larger of ${best} and ${run}.`,
		},
		assigned: {
			bug: { line: 7, text: `            ${run} = 1` },
			wrong: [
				edits.bestOne,
				edits.runOne,
				edits.overwrite,
				edits.restartOne,
				edits.returnBest,
				edits.returnRun,
			],
			why: `\`${run} = 1\` sets the run back to 1 at every match, so no run ever counts more than one ${item}. \`${run} += 1\` makes it grow by one for each matching ${item} in a row.`,
		},
		overwritten: {
			bug: { line: 9, text: `            ${best} = ${run}` },
			wrong: [
				edits.runOne,
				edits.added,
				edits.restartOne,
				edits.returnBest,
				edits.returnRun,
			],
			why: `${best} = ${run} replaces the longest run so far with whichever run ended last, even a shorter one (or 0, between two other ${items}). max(${best}, ${run}) keeps the longer of the two.`,
		},
	};
	const chosen = bugs[p.bug];
	const target = p.theme.values[0];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference:
			"from itertools import groupby\n\n" +
			`def ${p.name}(${items}, target):\n` +
			"    lengths = [len(list(group)) for key, group in groupby(" +
			`${items}) if key == target]\n` +
			"    return max(lengths, default=0)\n",
		examples: p.cases.map((values) => `${p.name}(${list(values)}, ${target})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- hard: comparing neighbours

type RisesBug = "bounds" | "or-equal" | "assigned";

interface Rises {
	shape: "rises";
	/** compare with the one before (i - 1, from 1) or with the one after (i + 1, to len - 1) */
	before: boolean;
	name: string;
	theme: Theme;
	index: string;
	bug: RisesBug;
	cases: readonly (readonly number[])[];
}

function drawRises(rng: Rng): Rises {
	// the first case starts above where it ends, has two equal neighbours and rises by more than one
	const values = distinct(rng, 5, 1, 12).map((v) => v * 3);
	const sorted = [...values].sort((a, b) => a - b);
	const top = sorted.at(-1) ?? 0;
	const low = sorted[0] ?? 0;
	const middle = rng.shuffle(sorted.slice(1, -1));
	const repeated = middle[0] ?? 0;
	const first = [top, ...middle.slice(0, 1), repeated, ...middle.slice(1), low];
	const second = distinct(rng, rng.int(3, 4), 1, 40);
	const rising = [...second].sort((a, b) => a - b);
	const shaped = [
		rising[0] ?? 0,
		...rng.shuffle(rising.slice(1, -1)),
		rising.at(-1) ?? 0,
	];
	return {
		shape: "rises",
		before: rng.bool(),
		name: rng.pick(["count_rises", "rises", "times_up"]),
		theme: rng.pick(THEMES),
		index: rng.pick(["i", "k"]),
		bug: rng.pick(["bounds", "or-equal", "assigned"] as const),
		cases: [first, shaped, [rng.int(1, 40)]],
	};
}

function buildRises(p: Rises): Draft {
	const { items, item } = p.theme;
	const i = p.index;
	const [earlier, later] = p.before
		? [`${items}[${i} - 1]`, `${items}[${i}]`]
		: [`${items}[${i}]`, `${items}[${i} + 1]`];
	const loop = p.before
		? `    for ${i} in range(1, len(${items})):`
		: `    for ${i} in range(len(${items}) - 1):`;
	const lines = [
		`def ${p.name}(${items}):`,
		`    """Return how many ${items} are bigger than the ${item} just before them."""`,
		"    count = 0",
		loop,
		`        if ${later} > ${earlier}:`,
		"            count += 1",
		"    return count",
	];
	const edits = {
		startOne: {
			line: 3,
			text: "    count = 1",
			misconception: belief`the first ${item} counts as a rise, having nothing before it`,
		},
		shortLoop: p.before
			? {
					line: 4,
					text: `    for ${i} in range(1, len(${items}) - 1):`,
					misconception: belief`the last ${item} has no neighbour after it, so the loop must stop one early`,
				}
			: {
					line: 4,
					text: `    for ${i} in range(len(${items}) - 2):`,
					misconception: belief`the loop must stop two early, as ${i} + 1 looks one further`,
				},
		fromOne: {
			line: 4,
			text: p.before
				? `    for ${i} in range(1, len(${items}) + 1):`
				: `    for ${i} in range(1, len(${items})):`,
			misconception: p.before
				? belief`range stops before its end, so reaching the last ${item} needs len(${items}) + 1`
				: belief`the first ${item} has nothing before it, so the loop starts at 1`,
		},
		orEqual: {
			line: 5,
			text: `        if ${later} >= ${earlier}:`,
			misconception: belief`${withArticle(item)} equal to the one before it counts as a rise`,
		},
		amount: {
			line: 6,
			text: `            count += ${later} - ${earlier}`,
			misconception: belief`count should add up how far the ${items} went up`,
		},
		plusOne: {
			line: 7,
			text: "    return count + 1",
			misconception: belief`the loop leaves out the rise to the last ${item}`,
		},
	} satisfies Record<string, Edit>;
	const wholeLoop = `    for ${i} in range(len(${items})):`;
	const bugs: Record<
		RisesBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		bounds: {
			bug: { line: 4, text: wholeLoop },
			wrong: [
				edits.startOne,
				edits.shortLoop,
				edits.fromOne,
				edits.orEqual,
				edits.amount,
				edits.plusOne,
			],
			why: p.before
				? `Starting at 0 compares ${items}[0] with ${items}[-1], and a negative index counts from the end: the first ${item} is compared with the last, a pair that are not neighbours. The pairs are the positions 1 to len(${items}) - 1, each with the one before it.`
				: `At the last position ${i} + 1 is past the end of the list, so ${items}[${i} + 1] raises IndexError. The last ${item} has no neighbour after it: ${i} stops at len(${items}) - 2, and range(len(${items}) - 1) gives exactly that.`,
		},
		"or-equal": {
			bug: { line: 5, text: `        if ${later} >= ${earlier}:` },
			wrong: [
				edits.startOne,
				edits.shortLoop,
				edits.fromOne,
				edits.amount,
				edits.plusOne,
			],
			why: `With >=, two equal ${items} side by side count as a rise, though the second is not bigger. > counts only a real rise.`,
		},
		assigned: {
			bug: { line: 6, text: "            count = 1" },
			wrong: [
				edits.startOne,
				edits.shortLoop,
				edits.fromOne,
				edits.orEqual,
				edits.amount,
				edits.plusOne,
			],
			why: `\`count = 1\` sets the count back to 1 at every rise, so it never passes 1. \`count += 1\` adds one for each rise.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}):\n    pairs = zip(${items}, ${items}[1:])\n    return sum(1 for a, b in pairs if b > a)\n`,
		examples: p.cases.map((values) => `${p.name}(${list(values)})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- the family

type Params =
	| SumFirst
	| CountMatches
	| RunningTotals
	| Extreme
	| Streak
	| Rises;

const DRAWS: Record<Difficulty, readonly ((rng: Rng) => Params)[]> = {
	easy: [drawSumFirst, drawCountMatches],
	medium: [drawRunningTotals, drawExtreme],
	hard: [drawStreak, drawRises],
};

function draft(p: Params): Draft {
	switch (p.shape) {
		case "sum-first":
			return buildSumFirst(p);
		case "count-matches":
			return buildCountMatches(p);
		case "running-totals":
			return buildRunningTotals(p);
		case "extreme":
			return buildExtreme(p);
		case "streak":
			return buildStreak(p);
		case "rises":
			return buildRises(p);
	}
}

export const loopAccumulators = defineFamily<Params>({
	id: "python/loop-accumulators",
	idea: "py.loop-accumulators",
	kind: "fix-the-bug",
	language: "python",
	difficulty: ["easy", "medium", "hard"],
	title: "Accumulating in a loop",
	topics: ["loops", "accumulators", "off-by-one", "range", "debugging"],
	params: (rng, difficulty) => rng.pick(DRAWS[difficulty])(rng),
	build: (params) => finishFix(draft(params)),
});
