/** "a", "a and b", "a, b and c": items joined for an explanation sentence. */
export const listed = (items: readonly string[]) =>
	items.length > 1
		? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
		: (items[0] ?? "");

/** 1st, 2nd, 3rd, 4th, 11th, 22nd… */
export const ordinal = (n: number) => {
	const suffix =
		n % 100 >= 11 && n % 100 <= 13
			? "th"
			: ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
	return `${n}${suffix ?? "th"}`;
};

const WORDS = [
	"zero",
	"one",
	"two",
	"three",
	"four",
	"five",
	"six",
	"seven",
	"eight",
	"nine",
	"ten",
];

/** "three" for 3, "12" for 12: small counts read better spelled out. */
export const numberWord = (n: number) => WORDS[n] ?? String(n);

/** A count or a list of the things counted. */
type Count = number | readonly unknown[];
const sizeOf = (count: Count) =>
	typeof count === "number" ? count : count.length;

/** The noun that agrees with the count: "space" for 1, "spaces" for 0 or 2. */
export const noun = (
	count: Count,
	singular: string,
	plural = `${singular}s`,
) => (sizeOf(count) === 1 ? singular : plural);

/** A count with its noun: "1 space", "2 spaces", "0 pieces". */
export const counted = (
	count: Count,
	singular: string,
	plural = `${singular}s`,
) => `${sizeOf(count)} ${noun(count, singular, plural)}`;

/** The verb that agrees with the count or list: agree(1, "has", "have") is "has"; a list of two gives "have". */
export const agree = (count: Count, singular: string, plural: string) =>
	sizeOf(count) === 1 ? singular : plural;

/** The whole of a group: "the one label", "both labels", "all three labels", "all 12 labels". */
export const allOf = (
	count: Count,
	singular: string,
	plural = `${singular}s`,
) => {
	const n = sizeOf(count);
	if (n === 1) return `the one ${singular}`;
	if (n === 2) return `both ${plural}`;
	return `all ${numberWord(n)} ${plural}`;
};

/** "once", "twice", "3 times". */
export const times = (n: number) =>
	n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;

/** A name's possessive: "Python's", "stars'" (a name already ending in s takes only the apostrophe). */
export const possessive = (name: string) =>
	name.endsWith("s") ? `${name}'` : `${name}'s`;

/** Words spelled with a vowel that start with a consonant sound ("a user", "a one-off"). */
const CONSONANT_SOUND = /^(one|once|uni|use|usu|uti|eu|ur[aeiou])/i;
/** Words spelled with a consonant that start with a vowel sound ("an hour"). */
const VOWEL_SOUND = /^(hour|honest|honou?r)/i;

/** The word with "a" or "an" before it, by how it is said: "an IndexError", "a KeyError", "an 8", "a 1". */
export const withArticle = (word: string) => {
	const digits = word.match(/^\d+/)?.[0];
	const vowel = digits
		? /^8/.test(digits) ||
			((digits.length === 2 || digits.length === 5) && /^1[18]/.test(digits))
		: (/^[aeiou]/i.test(word) && !CONSONANT_SOUND.test(word)) ||
			VOWEL_SOUND.test(word);
	return `${vowel ? "an" : "a"} ${word}`;
};
