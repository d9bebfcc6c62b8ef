/**
 * How options are compared, by the distractor selection and by the blind guessers that test it:
 * words and single punctuation marks, and the edit distance between two lists of them.
 */
const TOKEN = /\w+|[^\s\w]/g;

/** Words and single punctuation marks, in order. */
export const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

/** Levenshtein distance between two token lists, with two rows of the table kept. */
export function editDistance(a: readonly string[], b: readonly string[]) {
	// typed rows, swapped: the distractor selection measures every pair of options of every instance
	let row = new Uint32Array(b.length + 1).map((_, j) => j);
	let next = new Uint32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		next[0] = i;
		for (let j = 1; j <= b.length; j++)
			next[j] = Math.min(
				(row[j] ?? 0) + 1,
				(next[j - 1] ?? 0) + 1,
				(row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		const done = row;
		row = next;
		next = done;
	}
	return row[b.length] ?? 0;
}
