/**
 * How options are compared, by the distractor selection and by the blind guessers that test it:
 * words and single punctuation marks, and the edit distance between two lists of them.
 */
const TOKEN = /\w+|[^\s\w]/g;

/** Words and single punctuation marks, in order. */
export const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

/** Levenshtein distance between two token lists. */
export function editDistance(a: readonly string[], b: readonly string[]) {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++)
			next.push(
				Math.min(
					(row[j] ?? 0) + 1,
					(next[j - 1] ?? 0) + 1,
					(row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
				),
			);
		row = next;
	}
	return row[b.length] ?? 0;
}
