import { describe, expect, it } from "vitest";
import type { Drawn, Family } from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { drawnOf, instanceOf, OUTCOME_FAMILIES } from "../testing/families.js";

/** Instances built per family; building is pure and cheap, so many shapes and counts are reached. */
const SEEDS = 300;
/** Stands in for the printed answer: the explanation must read well without parsing it. */
const SAMPLE_ANSWER = "out";
/** Seeds over which every output family's trace is checked. */
const TRACE_SEEDS = 40;
const MAX_TRACE_LINES = 8;
const MAX_TRACE_CHARS = 100;

/** Plural nouns the families count with; after a lone 1 they are a slip ("1 spaces"). */
const PLURAL_NOUNS =
	/^(spaces|characters|chars|items|values|elements|times|calls|labels|keys|bits|passes|rows|pieces|digits|numbers|steps|entries|words|letters|lines|yields|copies|places|positions|members|objects|strings|arguments|levels|columns|functions|names|results|indexes|indices|runs|iterations|loops|ones|zeros|parts|decorators|classes|lists|arrays|sets|tuples|fields|methods|wrappers|items)$/;
/** Words that follow a variable called "a", never the article. */
const AFTER_VARIABLE_A =
	/^(is|and|or|as|in|if|of|on|at|alone|itself|equals|else|to|by|with|was|has|stays|keeps|gives|becomes)$/;
/** Words after "a" that start with a vowel letter but not a vowel sound. */
const A_BEFORE_VOWEL_LETTER = /^(one|once|uni|use|usu|uti|eu)/i;

/** Quoted values and code spans: the learner's strings and names, which grammar rules must not read. */
const withoutQuoted = (text: string) =>
	text
		.replace(/“[^”]*”/g, "Q")
		.replace(/"[^"\n]*"/g, "Q")
		.replace(/`[^`\n]*`/g, "Q");

/** Each slip: a name and a finder returning the offending excerpt, or null. */
const SLIPS: readonly {
	kind: string;
	find: (prose: string, raw: string) => string | null;
}[] = [
	{
		kind: "1 with a plural noun",
		find: (prose) => {
			for (const m of prose.matchAll(/(?<![\d.\-\w])1 ([a-z]+s)\b/g))
				if (PLURAL_NOUNS.test(m[1] ?? "")) return m[0];
			return null;
		},
	},
	{
		kind: "1 with a plural verb",
		find: (prose) =>
			prose.match(
				/(?<!(?:and|or|[,=+\-*/<>]) )(?<![\d.\-\w])1 (?:[a-z-]+ ){0,2}?(?:are|were|have|count|do)\b/,
			)?.[0] ?? null,
	},
	{
		kind: "one number with a plural verb",
		find: (prose) =>
			prose.match(
				/(?<!(?:and|or|,) )(?<![\d.\-\w])-?\d+\.\d+ (?:are|were|have)\b/,
			)?.[0] ?? null,
	},
	{
		kind: "all/both with a count",
		find: (prose) =>
			prose.match(/\b(?:all (?:[0-2]|one|two)|both (?:[013-9]|one))\b/i)?.[0] ??
			null,
	},
	{
		kind: "s's possessive",
		find: (prose) => prose.match(/\b\w*s's\b/)?.[0] ?? null,
	},
	{
		kind: "a/an before the wrong sound",
		find: (prose) => {
			for (const m of prose.matchAll(/\b([Aa]n?) ([\w-]+)/g)) {
				const [, article, word = ""] = m;
				if (AFTER_VARIABLE_A.test(word)) continue;
				const vowel =
					(/^[aeiou]/i.test(word) && !A_BEFORE_VOWEL_LETTER.test(word)) ||
					/^(8|11|18)(\D|$)/.test(word) ||
					/^(hour|honest)/i.test(word);
				if (/^\d/.test(word) && !/^(8|11|18)(\D|$)/.test(word)) {
					if (article?.toLowerCase() === "an") return m[0];
					continue;
				}
				// a single letter is a label or a variable, said either way
				if (/^[A-Za-z]\d*$/.test(word)) continue;
				if ((article?.toLowerCase() === "an") !== vowel) return m[0];
			}
			return null;
		},
	},
	{
		kind: "doubled word",
		find: (prose) => prose.match(/\b([a-z]{2,}) \1\b/i)?.[0] ?? null,
	},
	{
		kind: "unbalanced quotes or brackets",
		find: (_, raw) => {
			const count = (c: string) => raw.split(c).length - 1;
			if (count('"') % 2 || count("`") % 2) return "quote";
			if (count("“") !== count("”")) return "“”";
			if (count("(") !== count(")")) return "()";
			return null;
		},
	},
	{
		kind: "empty sentence or clause",
		find: (prose) =>
			prose.match(
				/(?<!\.)[.:;,] *[.;,](?!\.)|^\s*[.,]|\s[.,;](?=\s|$)|: *$/,
			)?.[0] ?? null,
	},
	{
		kind: "leftover value",
		find: (_, raw) =>
			raw.match(/\[object \w+\]|\bundefined\b|\bNaN\b|\bnull\b/)?.[0] ?? null,
	},
	{
		kind: "double space",
		find: (_, raw) => raw.match(/\S {2,}\S/)?.[0] ?? null,
	},
];

/** JavaScript explanations name undefined, null and NaN on purpose: they are the values being taught. */
const namedOnPurpose = (family: Family, found: string) =>
	family.language === "javascript" && /^(undefined|NaN|null)$/.test(found);

interface Slip {
	family: string;
	kind: string;
	count: number;
	example: string;
}

/** A failing example standing in for the one the runs find. */
const SAMPLE_FAILING = { call: "f(1)", expected: "2", actual: "3" };

/** What an instance says in prose: its explanation and the misconceptions behind its wrong options. */
function proseOf(drawn: Drawn): {
	explanation: string;
	misconceptions: string[];
} {
	switch (drawn.kind) {
		case "fill-in":
			return {
				explanation: drawn.instance.explain(SAMPLE_ANSWER),
				misconceptions: drawn.instance.wrong.map((w) => w.misconception.text),
			};
		case "fix-the-bug":
			return {
				explanation: drawn.instance.explain(SAMPLE_FAILING),
				misconceptions: drawn.instance.wrong.map((w) => w.misconception.text),
			};
		default:
			return {
				explanation: drawn.instance.explain(SAMPLE_ANSWER),
				misconceptions: drawn.instance.mistakes.map(
					(m) => m.misconception.text,
				),
			};
	}
}

/**
 * The slips a trace line is checked for: its words agree with its numbers, but its values and
 * code (`typeof typeof x`, a string padded with spaces) are not prose.
 */
const TRACE_SLIPS = new Set([
	"1 with a plural noun",
	"all/both with a count",
	"s's possessive",
	"a/an before the wrong sound",
]);

/** Every slip in every family's explanations, traces and misconceptions, one row per family and kind. */
function findSlips(families: readonly Family[]): Slip[] {
	const rows = new Map<string, Slip>();
	for (const family of families) {
		for (let seed = 1; seed <= SEEDS; seed++) {
			const drawn = drawnOf(family, seed * 7919);
			const { explanation, misconceptions } = proseOf(drawn);
			const trace =
				drawn.kind === "output" || drawn.kind === "error"
					? (drawn.instance.trace ?? [])
					: [];
			const texts = [
				explanation,
				...misconceptions,
				...trace.map((line) => ({ line })),
			];
			for (const text of texts) {
				const raw = typeof text === "string" ? text : text.line;
				const prose = withoutQuoted(raw);
				for (const slip of SLIPS) {
					if (typeof text !== "string" && !TRACE_SLIPS.has(slip.kind)) continue;
					const found = slip.find(prose, raw);
					if (found === null) continue;
					if (slip.kind === "leftover value" && namedOnPurpose(family, found))
						continue;
					const key = `${family.id} ${slip.kind}`;
					const row = rows.get(key);
					if (row) row.count += 1;
					else
						rows.set(key, {
							family: family.id,
							kind: slip.kind,
							count: 1,
							example: `${found} ⟵ ${raw}`,
						});
				}
			}
		}
	}
	return [...rows.values()];
}

describe("family explanations", () => {
	it("read without template slips across many seeds", () => {
		const slips = findSlips(FAMILIES).map(
			(s) => `${s.family} | ${s.kind} ×${s.count}: ${s.example}`,
		);
		expect(slips).toEqual([]);
	});

	it("phrase each misconception as a clause that completes a sentence", () => {
		const bad: string[] = [];
		for (const family of FAMILIES) {
			for (let seed = 1; seed <= 50; seed++) {
				for (const misconception of proseOf(drawnOf(family, seed * 7919))
					.misconceptions)
					if (
						/[.!?]$/.test(misconception) ||
						/^(that|you|if)\b/i.test(misconception) ||
						/^(The|A|An|It|This|When|In)\b/.test(misconception)
					)
						bad.push(`${family.id}: ${misconception}`);
			}
		}
		expect([...new Set(bad)]).toEqual([]);
	});

	it("trace every output question in 1 to 8 short steps", () => {
		const bad: string[] = [];
		for (const family of OUTCOME_FAMILIES.filter(
			(f) => !f.kind || f.kind === "output",
		))
			for (let seed = 1; seed <= TRACE_SEEDS; seed++) {
				const trace = instanceOf(family, seed * 7919).trace ?? [];
				const wrong =
					trace.length < 1 ||
					trace.length > MAX_TRACE_LINES ||
					trace.some(
						(line) =>
							line.trim() === "" ||
							line.length > MAX_TRACE_CHARS ||
							line.includes("\n") ||
							/[.]$/.test(line) ||
							/^\s*[•*-] /.test(line),
					);
				if (wrong) bad.push(`${family.id}: ${JSON.stringify(trace)}`);
			}
		expect([...new Set(bad.map((b) => b.split(":")[0]))]).toEqual([]);
	});
});
