/**
 * A misconception as a family writes it: a clause that completes "… if you think that …", and a
 * key that names it whatever the instance's values, so answers can be counted per belief.
 */
export interface Belief {
	/** a kebab slug of the clause's fixed words, the same for every instance of one written clause */
	key: string;
	/** the clause with this instance's values */
	text: string;
	/** the clause's fixed parts, with "…" where the instance's values go */
	template: string;
}

/** Words that tell clauses apart too little to be worth a place in a key. */
const STOP_WORDS = new Set([
	"the",
	"a",
	"an",
	"that",
	"is",
	"are",
	"of",
	"to",
	"in",
	"it",
	"its",
	"and",
	"or",
	"as",
	"so",
	"be",
	"on",
	"for",
	"with",
	"by",
	"at",
	"this",
	"which",
	"was",
	"were",
	"from",
]);
const KEY_WORDS = 6;

/** A key made of the first words of `template` that are not stop words. */
export function keyOf(template: string): string {
	const words = (template.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter(
		(word) => !STOP_WORDS.has(word),
	);
	return words.slice(0, KEY_WORDS).join("-");
}

/**
 * Tags a misconception clause: ``belief`list(${g}) gives every value ${g} yields` ``. The fixed
 * parts of a tagged template are the same on every call from one place in the code, so the key
 * does not change with the values put in.
 */
export function belief(
	strings: TemplateStringsArray,
	...values: unknown[]
): Belief {
	const text = strings.reduce(
		(out, part, i) => out + (i === 0 ? "" : String(values[i - 1])) + part,
		"",
	);
	const template = strings.join("…");
	return { key: keyOf(template), text, template };
}

/**
 * A belief with a key of its own, for a clause whose first words are those of another clause of
 * its idea (its fixed words differ only in symbols, or only after the sixth word).
 */
export const keyed = (key: string, clause: Belief): Belief => ({
	...clause,
	key,
});

/** What a learner holding two beliefs at once would think: both clauses, one key. */
export const bothBeliefs = (
	first: Belief,
	second: Belief,
	joint = ", and that ",
): Belief => ({
	key: `${first.key}+${second.key}`,
	text: `${first.text}${joint}${second.text}`,
	template: `${first.template}${joint}${second.template}`,
});
