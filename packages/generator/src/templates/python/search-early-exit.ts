import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily, type LineChange } from "../family.js";
import {
	type Draft,
	distinct,
	type Edit,
	finishFix,
	list,
} from "../fix-draft.js";
import { itemAt } from "../item-at.js";
import { withArticle } from "../prose.js";

const ascending = (values: readonly number[]) =>
	[...values].sort((a, b) => a - b);

interface Theme {
	/** the list's name, plural */
	items: string;
	/** one of its items */
	item: string;
}

const THEMES: readonly Theme[] = [
	{ items: "prices", item: "price" },
	{ items: "scores", item: "score" },
	{ items: "ages", item: "age" },
	{ items: "weights", item: "weight" },
	{ items: "readings", item: "reading" },
	{ items: "heights", item: "height" },
	{ items: "sizes", item: "size" },
	{ items: "times", item: "time" },
	{ items: "ids", item: "id" },
	{ items: "levels", item: "level" },
];

// ---------------------------------------------------------------- easy: the position of an item

interface WordTheme {
	items: string;
	item: string;
	words: readonly string[];
}

const WORD_THEMES: readonly WordTheme[] = [
	{
		items: "names",
		item: "name",
		words: ["'ann'", "'bo'", "'cy'", "'dee'", "'eli'", "'flo'", "'gus'"],
	},
	{
		items: "colors",
		item: "color",
		words: ["'red'", "'blue'", "'tan'", "'pink'", "'gold'", "'jade'"],
	},
	{
		items: "fruits",
		item: "fruit",
		words: ["'fig'", "'kiwi'", "'lime'", "'pear'", "'plum'", "'date'"],
	},
	{
		items: "codes",
		item: "code",
		words: ["17", "42", "8", "23", "91", "5", "60"],
	},
	{
		items: "cities",
		item: "city",
		words: ["'oslo'", "'rome'", "'lima'", "'kyiv'", "'bern'", "'doha'"],
	},
	{
		items: "tags",
		item: "tag",
		words: ["'new'", "'hot'", "'old'", "'top'", "'raw'", "'big'"],
	},
];

type PositionBug = "from-one" | "one-short" | "item" | "in";

interface Position {
	shape: "position";
	name: string;
	theme: WordTheme;
	wanted: string;
	index: string;
	bug: PositionBug;
	/** [list, wanted] per example */
	cases: readonly (readonly [readonly string[], string])[];
}

function drawPosition(rng: Rng): Position {
	const theme = rng.pick(WORD_THEMES);
	const pool = rng.shuffle(theme.words);
	const words = pool.slice(0, rng.int(4, 5));
	const missing = itemAt(pool, pool.length - 1);
	const at = rng.int(1, words.length - 2);
	const cases: (readonly [readonly string[], string])[] = [
		[words, itemAt(words, 0)],
		[words, itemAt(words, words.length - 1)],
		[words, itemAt(words, at)],
		[words, missing],
	];
	return {
		shape: "position",
		name: rng.pick(["position_of", "index_of", "find_index", "locate"]),
		theme,
		wanted: rng.pick(["wanted", "target", "goal"]),
		index: rng.pick(["i", "k", "j"]),
		bug: rng.pick(["from-one", "one-short", "item", "in"] as const),
		// the first and last positions, one between, and a missing item, in any order
		cases: rng.shuffle(cases),
	};
}

function buildPosition(p: Position): Draft {
	const { items, item } = p.theme;
	const { wanted } = p;
	const i = p.index;
	const lines = [
		`def ${p.name}(${items}, ${wanted}):`,
		`    """Return the index of the first ${item} equal to ${wanted}, or -1 if there is none."""`,
		`    for ${i} in range(len(${items})):`,
		`        if ${items}[${i}] == ${wanted}:`,
		`            return ${i}`,
		"    return -1",
	];
	const edits = {
		oneToLen: {
			line: 3,
			text: `    for ${i} in range(1, len(${items}) + 1):`,
			misconception: belief`the indexes of a list run from 1 to its length`,
		},
		past: {
			line: 3,
			text: `    for ${i} in range(len(${items}) + 1):`,
			misconception: belief`range(len(${items})) stops one short of the last ${item}`,
		},
		lastIndex: {
			line: 3,
			text: `    for ${i} in range(len(${items}) - 1):`,
			misconception: belief`the range has to end at len(${items}) - 1, the last index`,
		},
		contains: {
			line: 4,
			text: `        if ${wanted} in ${items}:`,
			misconception: belief`${wanted} in ${items} checks the ${item} at position ${i}`,
		},
		fromOne: {
			line: 5,
			text: `            return ${i} + 1`,
			misconception: belief`positions are counted from 1, so the index needs one added`,
		},
		found: {
			line: 5,
			text: `            return ${items}[${i}]`,
			misconception: belief`the function should hand back the ${item} it found`,
		},
		none: {
			line: 6,
			text: "    return None",
			misconception: belief`a search that finds nothing should return None`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		PositionBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		"from-one": {
			bug: { line: 3, text: `    for ${i} in range(1, len(${items})):` },
			wrong: [
				edits.oneToLen,
				edits.past,
				edits.contains,
				edits.fromOne,
				edits.found,
				edits.none,
			],
			why: `range(1, len(${items})) starts at index 1, so the ${item} at index 0 is never looked at. Indexes start at 0, and range(len(${items})) goes from 0 to the last index.`,
		},
		"one-short": {
			bug: { line: 3, text: `    for ${i} in range(len(${items}) - 1):` },
			wrong: [
				edits.oneToLen,
				edits.past,
				edits.contains,
				edits.fromOne,
				edits.found,
				edits.none,
			],
			why: `range already stops before its end, so range(len(${items}) - 1) never reaches the last index and the last ${item} is never looked at. range(len(${items})) ends exactly at the last index.`,
		},
		item: {
			bug: { line: 5, text: `            return ${items}[${i}]` },
			wrong: [
				edits.oneToLen,
				edits.past,
				edits.lastIndex,
				edits.contains,
				edits.fromOne,
				edits.none,
			],
			why: `${items}[${i}] is the ${item} itself, which is just ${wanted} again. The function promises its index, and that is ${i}.`,
		},
		in: {
			bug: { line: 4, text: `        if ${wanted} in ${items}:` },
			wrong: [
				edits.oneToLen,
				edits.past,
				edits.lastIndex,
				edits.fromOne,
				edits.found,
				edits.none,
			],
			why: `${wanted} in ${items} asks about the whole list, so it is true at the very first index whenever ${wanted} is anywhere in it, and the loop stops at 0. ${items}[${i}] == ${wanted} asks about the ${item} at index ${i} only.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}, ${wanted}):\n    return ${items}.index(${wanted}) if ${wanted} in ${items} else -1\n`,
		examples: p.cases.map(
			([values, target]) => `${p.name}(${list(values)}, ${target})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- easy: every or some, deciding early

interface Rule {
	/** "every" item must pass, or "some" item must */
	every: boolean;
	/** the property in the docstring: "is even" */
	words: string;
	/** what the loop tests with X for the item: in an every rule, the property failing; in a some rule, holding */
	test: string;
	/** the same test with its opposite meaning */
	opposite: string;
	/** the test with its edge wrong, and the belief behind it */
	slip?: { test: string; belief: Belief };
	/** the limit the rule compares with, as a parameter */
	limit?: boolean;
	/** a value that has the property, and one that has not; `edge` has not, and the slip gets it wrong */
	has(rng: Rng, limit: number): number;
	lacks(rng: Rng, limit: number): number;
	edge?: (limit: number) => number;
}

const RULES: readonly Rule[] = [
	{
		every: true,
		words: "is even",
		test: "X % 2 != 0",
		opposite: "X % 2 == 0",
		has: (rng) => 2 * rng.int(1, 20),
		lacks: (rng) => 2 * rng.int(1, 20) - 1,
	},
	{
		every: true,
		words: "is positive",
		test: "X <= 0",
		opposite: "X > 0",
		slip: { test: "X < 0", belief: belief`0 counts as a positive number` },
		has: (rng) => rng.int(1, 40),
		lacks: (rng) => -rng.int(1, 20),
		edge: () => 0,
	},
	{
		every: true,
		words: "is below limit",
		test: "X >= limit",
		opposite: "X < limit",
		slip: {
			test: "X > limit",
			belief: belief`a value equal to limit is still below it`,
		},
		limit: true,
		has: (rng, limit) => rng.int(1, limit - 1),
		lacks: (rng, limit) => rng.int(limit + 1, limit + 20),
		edge: (limit) => limit,
	},
	{
		every: false,
		words: "is odd",
		test: "X % 2 == 1",
		opposite: "X % 2 == 0",
		has: (rng) => 2 * rng.int(1, 20) - 1,
		lacks: (rng) => 2 * rng.int(1, 20),
	},
	{
		every: false,
		words: "is negative",
		test: "X < 0",
		opposite: "X >= 0",
		slip: { test: "X <= 0", belief: belief`0 counts as a negative number` },
		has: (rng) => -rng.int(1, 20),
		lacks: (rng) => rng.int(1, 40),
		edge: () => 0,
	},
	{
		every: false,
		words: "is over limit",
		test: "X > limit",
		opposite: "X <= limit",
		slip: {
			test: "X >= limit",
			belief: belief`a value equal to limit is over it`,
		},
		limit: true,
		has: (rng, limit) => rng.int(limit + 1, limit + 20),
		lacks: (rng, limit) => rng.int(1, limit - 1),
		edge: (limit) => limit,
	},
];

type CheckBug = "final" | "early" | "inverted" | "slip";

interface Check {
	shape: "check";
	name: string;
	rule: Rule;
	theme: Theme;
	bug: CheckBug;
	/** [list, limit] per example */
	cases: readonly (readonly [readonly number[], number])[];
}

function drawCheck(rng: Rng): Check {
	const rule = rng.pick(RULES);
	const limit = rng.int(10, 30);
	const has = () => rule.has(rng, limit);
	const lacks = () => rule.lacks(rng, limit);
	const odd = () => (rule.edge ? rule.edge(limit) : lacks());
	// "every" passes when all have the property; "some" passes when one has it
	const [pass, fail] = rule.every ? [has, lacks] : [lacks, has];
	const settled = rule.every
		? [has(), has(), has(), ...(rng.bool() ? [has()] : [])]
		: [lacks(), lacks(), lacks(), ...(rng.bool() ? [lacks()] : [])];
	// the item that decides it comes after the first, and in an every rule is the edge
	const decided = [pass(), pass(), ...(rng.bool() ? [pass()] : [])];
	decided.splice(rng.int(1, decided.length), 0, rule.every ? odd() : fail());
	// in a some rule, the edge sits among items that lack the property
	if (!rule.every && rule.edge)
		settled.splice(rng.int(1, settled.length), 0, rule.edge(limit));
	const first = [fail(), pass(), pass()];
	const bugs: CheckBug[] = ["final", "early", "inverted"];
	return {
		shape: "check",
		name: rng.pick(
			rule.every
				? ["all_pass", "every_one", "check_all"]
				: ["any_pass", "has_one", "check_any"],
		),
		rule,
		theme: rng.pick(THEMES),
		bug: rng.pick(rule.slip ? [...bugs, "slip"] : bugs),
		cases: rng
			.shuffle([settled, decided, first])
			.map((values) => [values, limit] as const),
	};
}

function buildCheck(p: Check): Draft {
	const { items, item } = p.theme;
	const { rule } = p;
	const at = (test: string) => test.replaceAll("X", item);
	const params = rule.limit ? `${items}, limit` : items;
	const [early, late] = rule.every ? ["False", "True"] : ["True", "False"];
	const lines = [
		`def ${p.name}(${params}):`,
		`    """Return True if ${rule.every ? "every" : "some"} ${item} ${rule.words}, and False otherwise."""`,
		`    for ${item} in ${items}:`,
		`        if ${at(rule.test)}:`,
		`            return ${early}`,
		`    return ${late}`,
	];
	const edits = {
		positions: {
			line: 3,
			text: `    for ${item} in range(len(${items})):`,
			misconception: belief`a for loop needs range(len(${items})) to reach each ${item}`,
		},
		inverted: {
			line: 4,
			text: `        if ${at(rule.opposite)}:`,
			misconception: rule.every
				? belief`the test inside the loop should say what every ${item} must be`
				: belief`the loop should stop at the first ${item} that does not count`,
		},
		slip: rule.slip
			? [
					{
						line: 4,
						text: `        if ${at(rule.slip.test)}:`,
						misconception: rule.slip.belief,
					},
				]
			: [],
		flippedEarly: {
			line: 5,
			text: `            return ${late}`,
			misconception: rule.every
				? belief`True reports that the loop found the ${item} it was looking for`
				: belief`finding such ${withArticle(item)} means the check has failed`,
		},
		broken: {
			line: 5,
			text: "            break",
			misconception: belief`break leaves the function, and it returns ${early}`,
		},
		returnItem: {
			line: 5,
			text: `            return ${item}`,
			misconception: belief`the function should report the ${item} that decided it`,
		},
		flippedLate: {
			line: 6,
			text: `    return ${early}`,
			misconception: rule.every
				? belief`getting to the end of the loop means some ${item} failed the test`
				: belief`getting to the end of the loop means some ${item} passed the test`,
		},
		empty: rule.every
			? [
					{
						line: 6,
						text: `    return len(${items}) > 0`,
						misconception: belief`a list with no ${items} cannot pass the check`,
					},
				]
			: [],
	} satisfies Record<string, Edit | Edit[]>;
	const bugs: Record<
		CheckBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		final: {
			bug: { line: 6, text: `    return ${early}` },
			wrong: [
				edits.positions,
				edits.inverted,
				...edits.slip,
				edits.flippedEarly,
				edits.broken,
				edits.returnItem,
			].slice(0, 6),
			why: rule.every
				? `The loop returns False as soon as one ${item} fails, so getting past it means none did: that is when the answer is True. With return False there, the function says False for every list.`
				: `The loop returns True as soon as one ${item} passes, so getting past it means none did: that is when the answer is False. With return True there, the function says True for every list.`,
		},
		early: {
			bug: { line: 5, text: `            return ${late}` },
			wrong: [
				edits.positions,
				edits.inverted,
				...edits.slip,
				edits.broken,
				edits.returnItem,
				edits.flippedLate,
				...edits.empty,
			].slice(0, 6),
			why: rule.every
				? `The test picks out ${withArticle(item)} that breaks the rule, and one is enough to make the answer False, so that is what must be returned there. With return True, both ways out of the function say True.`
				: `The test picks out ${withArticle(item)} that has the property, and one is enough to make the answer True, so that is what must be returned there. With return False, both ways out of the function say False.`,
		},
		inverted: {
			bug: { line: 4, text: `        if ${at(rule.opposite)}:` },
			wrong: [
				edits.positions,
				...edits.slip,
				edits.flippedEarly,
				edits.broken,
				edits.returnItem,
				edits.flippedLate,
				...edits.empty,
			].slice(0, 6),
			why: rule.every
				? `The loop stops with False, so it must stop at ${withArticle(item)} that breaks the rule: ${at(rule.test)}. As shown, it returns False at the first ${item} that follows the rule.`
				: `The loop stops with True, so it must stop at ${withArticle(item)} that has the property: ${at(rule.test)}. As shown, it returns True at the first ${item} that lacks it.`,
		},
		slip: {
			bug: {
				line: 4,
				text: `        if ${at(rule.slip?.test ?? rule.test)}:`,
			},
			wrong: [
				edits.positions,
				edits.inverted,
				edits.flippedEarly,
				edits.broken,
				edits.returnItem,
				edits.flippedLate,
			],
			why: `The edge decides it: ${withArticle(item)} equal to ${rule.limit ? "limit" : "0"} does not count as ${rule.words.replace("is ", "")}, so ${at(rule.test)} is the test that ${rule.every ? "catches it" : "leaves it out"}, where ${at(rule.slip?.test ?? rule.test)} gets it wrong.`,
		},
	};
	const chosen = bugs[p.bug];
	const reference = rule.every
		? `all(${at(rule.opposite)} for ${item} in ${items})`
		: `any(${at(rule.test)} for ${item} in ${items})`;
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${params}):\n    return ${reference}\n`,
		examples: p.cases.map(([values, limit]) =>
			rule.limit
				? `${p.name}(${list(values)}, ${limit})`
				: `${p.name}(${list(values)})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- medium: binary search

type BinaryBug = "strict" | "high" | "slash" | "direction";

interface Binary {
	shape: "binary";
	name: string;
	theme: Theme;
	ends: readonly [string, string];
	middle: string;
	bug: BinaryBug;
	cases: readonly (readonly [readonly number[], number])[];
}

function drawBinary(rng: Rng): Binary {
	const values = ascending(
		distinct(rng, rng.int(5, 7), 1, 25).map((v) => 2 * v),
	);
	const inside = itemAt(values, rng.int(1, values.length - 2));
	const cases: (readonly [readonly number[], number])[] = [
		[values, itemAt(values, values.length - 1)],
		[values, itemAt(values, values.length - 1) + rng.int(1, 9)],
		[values, itemAt(values, 0)],
		[values, rng.bool() ? inside : inside + 1],
	];
	return {
		shape: "binary",
		name: rng.pick([
			"binary_search",
			"find",
			"search_sorted",
			"index_in_sorted",
		]),
		theme: rng.pick(THEMES),
		ends: rng.pick([
			["low", "high"],
			["lo", "hi"],
			["left", "right"],
		] as const),
		middle: rng.pick(["middle", "mid"]),
		bug: rng.pick(["strict", "high", "slash", "direction"] as const),
		cases: rng.shuffle(cases),
	};
}

function buildBinary(p: Binary): Draft {
	const { items, item } = p.theme;
	const [low, high] = p.ends;
	const mid = p.middle;
	const lines = [
		`def ${p.name}(${items}, target):`,
		`    """Return the index of target in the sorted list ${items}, or -1 if it is not there."""`,
		`    ${low} = 0`,
		`    ${high} = len(${items}) - 1`,
		`    while ${low} <= ${high}:`,
		`        ${mid} = (${low} + ${high}) // 2`,
		`        if ${items}[${mid}] == target:`,
		`            return ${mid}`,
		`        if ${items}[${mid}] < target:`,
		`            ${low} = ${mid} + 1`,
		"        else:",
		`            ${high} = ${mid} - 1`,
		"    return -1",
	];
	// every change keeps both ends moving past the middle, so no version can loop forever
	const edits = {
		lowOne: {
			line: 3,
			text: `    ${low} = 1`,
			misconception: belief`the indexes of a list start at 1`,
		},
		length: {
			line: 4,
			text: `    ${high} = len(${items})`,
			misconception: belief`${high} is the length, as the end of a range is`,
		},
		strict: {
			line: 5,
			text: `    while ${low} < ${high}:`,
			misconception: belief`the search is over once ${low} and ${high} meet`,
		},
		slash: {
			line: 6,
			text: `        ${mid} = (${low} + ${high}) / 2`,
			misconception: belief`/ gives a whole number when it divides whole numbers`,
		},
		value: {
			line: 8,
			text: "            return target",
			misconception: belief`the search should hand back the ${item} it found`,
		},
		direction: {
			line: 9,
			text: `        if ${items}[${mid}] > target:`,
			misconception: belief`when the middle ${item} is bigger than target, target lies to its right`,
		},
		none: {
			line: 13,
			text: "    return None",
			misconception: belief`a search that finds nothing should return None`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		BinaryBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		strict: {
			bug: { line: 5, text: `    while ${low} < ${high}:` },
			wrong: [
				edits.lowOne,
				edits.length,
				edits.slash,
				edits.value,
				edits.direction,
				edits.none,
			],
			why: `${low} and ${high} are both indexes that may still hold target, so when they meet one ${item} is left to check. With <, the loop stops before checking it; <= looks at that last one too.`,
		},
		high: {
			bug: { line: 4, text: `    ${high} = len(${items})` },
			wrong: [
				edits.lowOne,
				edits.strict,
				edits.slash,
				edits.value,
				edits.direction,
				edits.none,
			],
			why: `The loop treats ${high} as an index it may still look at, and len(${items}) is one past the last one: a target above every ${item} drives ${mid} to len(${items}), and ${items}[${mid}] raises IndexError. The last index is len(${items}) - 1.`,
		},
		slash: {
			bug: { line: 6, text: `        ${mid} = (${low} + ${high}) / 2` },
			wrong: [
				edits.lowOne,
				edits.length,
				edits.strict,
				edits.value,
				edits.direction,
				edits.none,
			],
			why: `/ always gives a float in Python 3, even for (0 + 4) / 2, and a list index must be an int, so ${items}[${mid}] raises TypeError. // divides and rounds down to an int.`,
		},
		direction: {
			bug: { line: 9, text: `        if ${items}[${mid}] > target:` },
			wrong: [
				edits.lowOne,
				edits.length,
				edits.strict,
				edits.slash,
				edits.value,
				edits.none,
			],
			why: `In a sorted list, a middle ${item} smaller than target means target lies to its right, so ${low} must move past ${mid}. With >, each step throws away the half that holds target.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}, target):\n    return ${items}.index(target) if target in ${items} else -1\n`,
		examples: p.cases.map(
			([values, target]) => `${p.name}(${list(values)}, ${target})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- medium: the first match, with break

type FirstBug = "continue" | "pass" | "positions" | "start";

interface FirstMatch {
	shape: "first-match";
	above: boolean;
	name: string;
	theme: Theme;
	bug: FirstBug;
	cases: readonly (readonly [readonly number[], number])[];
}

function drawFirstMatch(rng: Rng): FirstMatch {
	const above = rng.bool();
	const limit = rng.int(10, 25);
	const beyond = () =>
		above ? rng.int(limit + 1, limit + 20) : rng.int(1, limit - 1);
	const short = () =>
		above ? rng.int(1, limit - 1) : rng.int(limit + 1, limit + 20);
	// the limit itself, then two matches with others around them
	const matches = [beyond(), beyond()];
	while (matches[0] === matches[1]) matches[1] = beyond();
	const many = [
		short(),
		limit,
		itemAt(matches, 0),
		short(),
		itemAt(matches, 1),
	];
	if (rng.bool()) many.push(short());
	const none = [short(), limit, short()];
	const leading = [beyond(), short(), short()];
	const other = rng.int(10, 25);
	return {
		shape: "first-match",
		above,
		name: rng.pick(
			above ? ["first_above", "first_over"] : ["first_below", "first_under"],
		),
		theme: rng.pick(THEMES),
		bug: rng.pick(["continue", "pass", "positions", "start"] as const),
		cases: [
			[many, limit],
			...rng.shuffle([
				[none, limit] as const,
				[leading, limit] as const,
				[[], other] as const,
			]),
		],
	};
}

function buildFirstMatch(p: FirstMatch): Draft {
	const { items, item } = p.theme;
	const op = p.above ? ">" : "<";
	const side = p.above ? "above" : "below";
	const lines = [
		`def ${p.name}(${items}, limit):`,
		`    """Return the first of the ${items} ${side} limit, or None if there is none."""`,
		"    found = None",
		`    for ${item} in ${items}:`,
		`        if ${item} ${op} limit:`,
		`            found = ${item}`,
		"            break",
		"    return found",
	];
	const edits = {
		zero: {
			line: 3,
			text: "    found = 0",
			misconception: belief`found has to start as a number, since it will hold one`,
		},
		emptyList: {
			line: 3,
			text: "    found = []",
			misconception: belief`found should start as an empty list until a match turns up`,
		},
		orEqual: {
			line: 5,
			text: `        if ${item} ${op}= limit:`,
			misconception: belief`"${side} limit" includes limit itself`,
		},
		returnFound: {
			line: 6,
			text: "            return found",
			misconception: belief`return found hands back the ${item} that has just matched`,
		},
		continued: {
			line: 7,
			text: "            continue",
			misconception: belief`continue leaves the loop, as break does`,
		},
		passed: {
			line: 7,
			text: "            pass",
			misconception: belief`once found is set, pass ends the loop`,
		},
		bare: {
			line: 7,
			text: "            return",
			misconception: belief`a bare return hands back the value just stored in found`,
		},
		loopVariable: {
			line: 8,
			text: `    return ${item}`,
			misconception: belief`${item} still holds the first match when the loop is over`,
		},
	} satisfies Record<string, Edit>;
	const stop = `break leaves the loop at the first ${item} ${side} limit, so found keeps that one`;
	const bugs: Record<
		FirstBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		continue: {
			bug: { line: 7, text: "            continue" },
			wrong: [
				edits.zero,
				edits.orEqual,
				edits.returnFound,
				edits.passed,
				edits.bare,
				edits.loopVariable,
			],
			why: `continue only skips to the next ${item}: the loop goes on, and every later match overwrites found, so the last match comes back. ${stop}.`,
		},
		pass: {
			bug: { line: 7, text: "            pass" },
			wrong: [
				edits.zero,
				edits.orEqual,
				edits.returnFound,
				edits.continued,
				edits.bare,
				edits.loopVariable,
			],
			why: `pass does nothing at all: the loop goes on, and every later match overwrites found, so the last match comes back. ${stop}.`,
		},
		positions: {
			bug: { line: 4, text: `    for ${item} in range(len(${items})):` },
			wrong: [
				edits.zero,
				edits.orEqual,
				edits.returnFound,
				edits.continued,
				edits.bare,
				edits.loopVariable,
			],
			why: `range(len(${items})) gives the positions 0, 1, 2…, so ${item} is compared with limit as a position, never as one of the ${items}. for ${item} in ${items} gives the ${items} themselves.`,
		},
		start: {
			bug: { line: 3, text: "    found = 0" },
			wrong: [
				edits.emptyList,
				edits.orEqual,
				edits.returnFound,
				edits.continued,
				edits.bare,
				edits.loopVariable,
			],
			why: `found keeps its starting value when no ${item} matches, and the function promises None then, so found has to start as None, not 0.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `def ${p.name}(${items}, limit):\n    return next((${item} for ${item} in ${items} if ${item} ${op} limit), None)\n`,
		examples: p.cases.map(
			([values, limit]) => `${p.name}(${list(values)}, ${limit})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- hard: where to insert

type InsertBug = "high" | "or-equal" | "slash";

interface Insert {
	shape: "insert";
	name: string;
	theme: Theme;
	ends: readonly [string, string];
	bug: InsertBug;
	cases: readonly (readonly [readonly number[], number])[];
}

function drawInsert(rng: Rng): Insert {
	// a sorted list with one value repeated, which is the first target
	const values = ascending(
		distinct(rng, rng.int(4, 5), 1, 30).map((v) => 2 * v),
	);
	const repeated = itemAt(values, rng.int(1, values.length - 2));
	const withRepeats = ascending([
		...values,
		repeated,
		...(rng.bool() ? [repeated] : []),
	]);
	const top = itemAt(withRepeats, withRepeats.length - 1);
	const gapAt = rng.int(0, values.length - 2);
	const between = itemAt(values, gapAt) + 1;
	return {
		shape: "insert",
		name: rng.pick(["insert_position", "insertion_index", "slot_for"]),
		theme: rng.pick(THEMES),
		ends: rng.pick([
			["low", "high"],
			["lo", "hi"],
			["left", "right"],
		] as const),
		bug: rng.pick(["high", "or-equal", "slash"] as const),
		cases: rng.shuffle([
			[withRepeats, repeated] as const,
			[withRepeats, top + rng.int(1, 9)] as const,
			[withRepeats, between] as const,
		]),
	};
}

function buildInsert(p: Insert): Draft {
	const { items, item } = p.theme;
	const [low, high] = p.ends;
	const lines = [
		`def ${p.name}(${items}, target):`,
		`    """Return the first index where target can go in the sorted list ${items} and keep it sorted."""`,
		`    ${low} = 0`,
		`    ${high} = len(${items})`,
		`    while ${low} < ${high}:`,
		`        middle = (${low} + ${high}) // 2`,
		`        if ${items}[middle] < target:`,
		`            ${low} = middle + 1`,
		"        else:",
		`            ${high} = middle`,
		`    return ${low}`,
	];
	// no change lets the loop run with both ends standing still, so none can loop forever
	const edits = {
		lastIndex: {
			line: 4,
			text: `    ${high} = len(${items}) - 1`,
			misconception: belief`${high} has to start at the last index of the list`,
		},
		slash: {
			line: 6,
			text: `        middle = (${low} + ${high}) / 2`,
			misconception: belief`/ gives a whole number when it divides whole numbers`,
		},
		orEqual: {
			line: 7,
			text: `        if ${items}[middle] <= target:`,
			misconception: belief`target goes after the ${items} equal to it`,
		},
		direction: {
			line: 7,
			text: `        if ${items}[middle] > target:`,
			misconception: belief`a middle ${item} bigger than target means target belongs to its right`,
		},
		pastMiddle: {
			line: 10,
			text: `            ${high} = middle - 1`,
			misconception: belief`${high} must move past middle, as ${low} does`,
		},
		oneBack: {
			line: 11,
			text: `    return ${low} - 1`,
			misconception: belief`${low} ends one place past where target goes`,
		},
		middle: {
			line: 11,
			text: "    return middle",
			misconception: belief`the last middle the loop looked at is where target goes`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		InsertBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		high: {
			bug: { line: 4, text: `    ${high} = len(${items}) - 1` },
			wrong: [
				edits.slash,
				edits.orEqual,
				edits.direction,
				edits.pastMiddle,
				edits.oneBack,
				edits.middle,
			],
			why: `A target bigger than every ${item} goes at the very end, index len(${items}), one past the last index. ${low} never gets past ${high}, so ${high} must start at len(${items}) for that answer to be reachable.`,
		},
		"or-equal": {
			bug: { line: 7, text: `        if ${items}[middle] <= target:` },
			wrong: [
				edits.lastIndex,
				edits.slash,
				edits.direction,
				edits.pastMiddle,
				edits.oneBack,
				edits.middle,
			],
			why: `With <=, ${low} moves past every ${item} equal to target as well, so the answer lands after them. The first index where target can go is before any equal ${item}: move ${low} only past ${items} smaller than target.`,
		},
		slash: {
			bug: { line: 6, text: `        middle = (${low} + ${high}) / 2` },
			wrong: [
				edits.lastIndex,
				edits.orEqual,
				edits.direction,
				edits.pastMiddle,
				edits.oneBack,
				edits.middle,
			],
			why: `/ always gives a float in Python 3, even when it divides evenly, and a list index must be an int, so ${items}[middle] raises TypeError. // divides and rounds down to an int.`,
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference: `from bisect import bisect_left\n\ndef ${p.name}(${items}, target):\n    return bisect_left(${items}, target)\n`,
		examples: p.cases.map(
			([values, target]) => `${p.name}(${list(values)}, ${target})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- hard: the first pair

type PairBug = "self" | "break" | "outer";

interface Pair {
	shape: "pair";
	name: string;
	theme: Theme;
	bug: PairBug;
	cases: readonly (readonly [readonly number[], number])[];
}

/** The first (i, j) the nested loops find, with j starting at i + 1 (or at i), or null. */
function firstPair(values: readonly number[], target: number, self = false) {
	for (let i = 0; i < values.length; i++)
		for (let j = self ? i : i + 1; j < values.length; j++)
			if (itemAt(values, i) + itemAt(values, j) === target) return [i, j];
	return null;
}

function drawPair(rng: Rng): Pair {
	// a list where an item doubled hits the target before the real pair does
	let doubled: readonly [number[], number] | null = null;
	while (!doubled) {
		const values = distinct(rng, rng.int(5, 6), 1, 20);
		const k = rng.int(0, 2);
		const target = 2 * itemAt(values, k);
		const right = firstPair(values, target);
		const wrong = firstPair(values, target, true);
		if (right && wrong && right[0] !== wrong[0]) doubled = [values, target];
	}
	// a pair that starts at the first item, with an odd target so that no item doubles to it
	let leading: readonly [number[], number] | null = null;
	while (!leading) {
		const values = distinct(rng, rng.int(4, 5), 1, 20);
		const target =
			itemAt(values, 0) + itemAt(values, rng.int(2, values.length - 1));
		const right = firstPair(values, target);
		if (target % 2 === 1 && right?.[0] === 0) leading = [values, target];
	}
	let missing: readonly [number[], number] | null = null;
	while (!missing) {
		const values = distinct(rng, rng.int(3, 4), 1, 20);
		const target = 2 * rng.int(10, 25) + 1;
		if (!firstPair(values, target, true)) missing = [values, target];
	}
	return {
		shape: "pair",
		name: rng.pick(["first_pair", "pair_summing_to", "find_pair"]),
		theme: rng.pick(THEMES),
		bug: rng.pick(["self", "break", "outer"] as const),
		cases: rng.shuffle([doubled, leading, missing]),
	};
}

function buildPair(p: Pair): Draft {
	const { items, item } = p.theme;
	const lines = [
		`def ${p.name}(${items}, target):`,
		`    """Return the indexes (i, j), i < j, of the first two ${items} adding up to target, or None."""`,
		`    for i in range(len(${items})):`,
		`        for j in range(i + 1, len(${items})):`,
		`            if ${items}[i] + ${items}[j] == target:`,
		"                return (i, j)",
		"    return None",
	];
	const edits = {
		outerFromOne: {
			line: 3,
			text: `    for i in range(1, len(${items})):`,
			misconception: belief`the first ${item} has nothing before it to pair with`,
		},
		innerFromI: {
			line: 4,
			text: `        for j in range(i, len(${items})):`,
			misconception: belief`range(i, …) already starts after i`,
		},
		innerShort: {
			line: 4,
			text: `        for j in range(i + 1, len(${items}) - 1):`,
			misconception: belief`j has to stop one early to stay inside the list`,
		},
		innerPast: {
			line: 4,
			text: `        for j in range(i + 1, len(${items}) + 1):`,
			misconception: belief`range stops before its end, so reaching the last ${item} needs len(${items}) + 1`,
		},
		broken: {
			line: 6,
			text: "                break",
			misconception: belief`break leaves both loops at once`,
		},
		values: {
			line: 6,
			text: `                return (${items}[i], ${items}[j])`,
			misconception: belief`the function should return the two ${items} rather than their indexes`,
		},
		leftover: {
			line: 7,
			text: "    return (i, j)",
			misconception: belief`i and j still hold the pair once the loops are over`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<PairBug, { bug: LineChange; wrong: Edit[]; why: string }> =
		{
			self: {
				bug: {
					line: 4,
					text: `        for j in range(i, len(${items})):`,
				},
				// a learner who misses the bug edits the end of the line as it stands
				wrong: [
					edits.outerFromOne,
					{
						...edits.innerShort,
						text: `        for j in range(i, len(${items}) - 1):`,
					},
					{
						...edits.innerPast,
						text: `        for j in range(i, len(${items}) + 1):`,
					},
					edits.broken,
					edits.values,
					edits.leftover,
				],
				why: `range(i, …) starts j at i itself, so the first thing checked is ${withArticle(item)} added to itself: any ${item} worth half of target makes a "pair" (i, i). A pair needs two different ${items}, so j starts at i + 1.`,
			},
			break: {
				bug: { line: 6, text: "                break" },
				wrong: [
					edits.outerFromOne,
					edits.innerFromI,
					edits.innerShort,
					edits.innerPast,
					edits.values,
					edits.leftover,
				],
				why: "break leaves only the inner loop: the outer loop goes on with the next i, and once both loops run out the function returns None. return (i, j) leaves the function, and both loops with it, as soon as the pair is found.",
			},
			outer: {
				bug: { line: 3, text: `    for i in range(1, len(${items})):` },
				wrong: [
					edits.innerFromI,
					edits.innerShort,
					edits.innerPast,
					edits.broken,
					edits.values,
					edits.leftover,
				],
				why: `Starting i at 1 means the ${item} at index 0 is never the first of a pair, and j only looks after i, so no pair with index 0 is ever checked. i must start at 0.`,
			},
		};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		reference:
			"from itertools import combinations\n\n" +
			`def ${p.name}(${items}, target):\n` +
			`    pairs = combinations(range(len(${items})), 2)\n` +
			`    return next(((i, j) for i, j in pairs if ${items}[i] + ${items}[j] == target), None)\n`,
		examples: p.cases.map(
			([values, target]) => `${p.name}(${list(values)}, ${target})`,
		),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- hard: the median

type MedianBug = "sort" | "unsorted" | "floor" | "pair" | "parity";

interface Median {
	shape: "median";
	name: string;
	theme: Theme;
	bug: MedianBug;
	cases: readonly (readonly number[])[];
}

function drawMedian(rng: Rng): Median {
	// the middle of the list as given is not its median, so forgetting to sort shows
	const middleOf = (values: readonly number[]) => {
		const m = Math.floor(values.length / 2);
		return values.length % 2 === 1
			? itemAt(values, m)
			: (itemAt(values, m - 1) + itemAt(values, m)) / 2;
	};
	const unsorted = (values: number[]) => {
		let shuffled = rng.shuffle(values);
		while (middleOf(shuffled) === middleOf(ascending(values)))
			shuffled = rng.shuffle(values);
		return shuffled;
	};
	const odd = unsorted(distinct(rng, rng.pick([3, 5]), 1, 40));
	// the two middle values add up to an odd number, so their mean ends in .5
	let even: number[] = [];
	while (even.length === 0) {
		const values = distinct(rng, rng.pick([4, 6]), 1, 40);
		const sorted = ascending(values);
		const m = sorted.length / 2;
		if ((itemAt(sorted, m - 1) + itemAt(sorted, m)) % 2 === 1)
			even = unsorted(values);
	}
	return {
		shape: "median",
		name: rng.pick(["median", "middle_value", "median_of"]),
		theme: rng.pick(THEMES),
		bug: rng.pick(["sort", "unsorted", "floor", "pair", "parity"] as const),
		cases: rng.shuffle([odd, even]),
	};
}

function buildMedian(p: Median): Draft {
	const { items } = p.theme;
	const lines = [
		`def ${p.name}(${items}):`,
		`    """Return the median of ${items}: the middle one once sorted, or the mean of the middle two."""`,
		`    ordered = sorted(${items})`,
		"    middle = len(ordered) // 2",
		"    if len(ordered) % 2 == 1:",
		"        return ordered[middle]",
		"    return (ordered[middle - 1] + ordered[middle]) / 2",
	];
	const edits = {
		sortMethod: {
			line: 3,
			text: `    ordered = ${items}.sort()`,
			misconception: belief`${items}.sort() hands back the sorted list`,
		},
		unsorted: {
			line: 3,
			text: `    ordered = ${items}`,
			misconception: belief`the ${items} arrive in order already`,
		},
		slash: {
			line: 4,
			text: "    middle = len(ordered) / 2",
			misconception: belief`/ gives a whole number when the length is even`,
		},
		parity: {
			line: 5,
			text: "    if len(ordered) % 2 == 0:",
			misconception: belief`an odd length leaves 0 over when divided by 2`,
		},
		pastMiddle: {
			line: 6,
			text: "        return ordered[middle + 1]",
			misconception: belief`the middle of an odd-length list sits one past len(ordered) // 2`,
		},
		floor: {
			line: 7,
			text: "    return (ordered[middle - 1] + ordered[middle]) // 2",
			misconception: belief`// 2 halves a number without cutting anything off`,
		},
		precedence: {
			line: 7,
			text: "    return ordered[middle - 1] + ordered[middle] / 2",
			misconception: belief`/ 2 at the end halves the whole sum, brackets or not`,
		},
		laterPair: {
			line: 7,
			text: "    return (ordered[middle] + ordered[middle + 1]) / 2",
			misconception: belief`the middle two of an even-length list are at middle and middle + 1`,
		},
	} satisfies Record<string, Edit>;
	const bugs: Record<
		MedianBug,
		{ bug: LineChange; wrong: Edit[]; why: string }
	> = {
		sort: {
			bug: { line: 3, text: `    ordered = ${items}.sort()` },
			wrong: [
				edits.unsorted,
				edits.slash,
				edits.parity,
				edits.pastMiddle,
				edits.floor,
				edits.precedence,
			],
			why: `${items}.sort() sorts the list in place and returns None, so ordered is None and len(ordered) raises TypeError. sorted(${items}) returns a new sorted list.`,
		},
		unsorted: {
			bug: { line: 3, text: `    ordered = ${items}` },
			wrong: [
				edits.sortMethod,
				edits.slash,
				edits.parity,
				edits.pastMiddle,
				edits.floor,
				edits.laterPair,
			],
			why: `The middle of the list as given is not the median unless the ${items} happen to be in order. The median is the middle of the sorted ${items}: sorted(${items}).`,
		},
		floor: {
			bug: {
				line: 7,
				text: "    return (ordered[middle - 1] + ordered[middle]) // 2",
			},
			wrong: [
				edits.sortMethod,
				edits.slash,
				edits.parity,
				edits.pastMiddle,
				edits.precedence,
				edits.laterPair,
			],
			why: "// rounds down to a whole number, so when the middle two add up to an odd number the .5 of their mean is lost. / keeps it.",
		},
		pair: {
			bug: {
				line: 7,
				text: "    return (ordered[middle] + ordered[middle + 1]) / 2",
			},
			wrong: [
				edits.sortMethod,
				edits.slash,
				edits.parity,
				edits.pastMiddle,
				edits.floor,
				edits.precedence,
			],
			why: "In a list of even length n, middle is n // 2, and the middle two are at middle - 1 and middle: for 4 items, indexes 1 and 2. middle and middle + 1 are one place too far right.",
		},
		parity: {
			bug: { line: 5, text: "    if len(ordered) % 2 == 0:" },
			wrong: [
				edits.sortMethod,
				edits.slash,
				edits.pastMiddle,
				edits.floor,
				edits.precedence,
				edits.laterPair,
			],
			why: "An odd length leaves 1 over when divided by 2, and only an odd-length list has a single middle item. With == 0 the two cases are swapped: an even-length list returns one item, an odd-length one averages two.",
		},
	};
	const chosen = bugs[p.bug];
	return {
		lines,
		bug: chosen.bug,
		wrong: chosen.wrong,
		// written with slices rather than statistics.median, whose import costs the sandbox a second
		reference:
			`def ${p.name}(${items}):\n` +
			`    ordered = sorted(${items})\n` +
			"    halves = ordered[(len(ordered) - 1) // 2 : len(ordered) // 2 + 1]\n" +
			"    return halves[0] if len(halves) == 1 else sum(halves) / 2\n",
		examples: p.cases.map((values) => `${p.name}(${list(values)})`),
		why: chosen.why,
	};
}

// ---------------------------------------------------------------- the family

type Params = Position | Check | Binary | FirstMatch | Insert | Pair | Median;

const DRAWS: Record<Difficulty, readonly ((rng: Rng) => Params)[]> = {
	easy: [drawPosition, drawCheck],
	medium: [drawBinary, drawFirstMatch],
	hard: [drawInsert, drawPair, drawMedian],
};

function draft(p: Params): Draft {
	switch (p.shape) {
		case "position":
			return buildPosition(p);
		case "check":
			return buildCheck(p);
		case "binary":
			return buildBinary(p);
		case "first-match":
			return buildFirstMatch(p);
		case "insert":
			return buildInsert(p);
		case "pair":
			return buildPair(p);
		case "median":
			return buildMedian(p);
	}
}

export const searchEarlyExit = defineFamily<Params>({
	id: "python/search-early-exit",
	idea: "py.searching",
	kind: "fix-the-bug",
	language: "python",
	difficulty: ["easy", "medium", "hard"],
	title: "Searching and returning early",
	topics: ["search", "binary search", "early return", "loops", "debugging"],
	params: (rng, difficulty) => rng.pick(DRAWS[difficulty])(rng),
	build: (params) => finishFix(draft(params)),
});
