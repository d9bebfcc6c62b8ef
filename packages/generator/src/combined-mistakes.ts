import { bothBeliefs } from "./templates/belief.js";
import type { Mistake } from "./templates/family.js";

/** Words, runs of spaces and single marks: joined back, they give the code exactly. */
const PIECE = /\w+|\s+|[^\s\w]/g;

/** One change a mistake makes to the snippet: pieces [from, to) replaced by `insert`. */
interface Edit {
	from: number;
	to: number;
	insert: string[];
}

/** The changes that turn `base` into `changed`, from a longest common subsequence of their pieces. */
function editsBetween(base: string[], changed: string[]): Edit[] {
	const n = base.length;
	const m = changed.length;
	// common[i][j]: length of the longest common subsequence of base[i..] and changed[j..]
	const common = Array.from({ length: n + 1 }, () =>
		new Array<number>(m + 1).fill(0),
	);
	for (let i = n - 1; i >= 0; i--)
		for (let j = m - 1; j >= 0; j--)
			(common[i] as number[])[j] =
				base[i] === changed[j]
					? (common[i + 1]?.[j + 1] ?? 0) + 1
					: Math.max(common[i + 1]?.[j] ?? 0, common[i]?.[j + 1] ?? 0);
	const edits: Edit[] = [];
	let open: Edit | null = null;
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && base[i] === changed[j]) {
			open = null;
			i++;
			j++;
			continue;
		}
		if (!open) {
			open = { from: i, to: i, insert: [] };
			edits.push(open);
		}
		const skipBase = common[i + 1]?.[j] ?? -1;
		const skipChanged = common[i]?.[j + 1] ?? -1;
		if (j >= m || (i < n && skipBase >= skipChanged)) {
			i++;
			open.to = i;
		} else {
			open.insert.push(changed[j] as string);
			j++;
		}
	}
	return edits;
}

/** Both sets of changes applied to `base`, or null when they touch the same or neighbouring pieces. */
function merge(base: string[], a: Edit[], b: Edit[]): string | null {
	// at least one untouched piece between them, so neither change reads the other's
	for (const x of a)
		for (const y of b) if (x.from <= y.to && y.from <= x.to) return null;
	const edits = [...a, ...b].sort((x, y) => x.from - y.from);
	const out: string[] = [];
	let at = 0;
	for (const edit of edits) {
		out.push(...base.slice(at, edit.from), ...edit.insert);
		at = edit.to;
	}
	out.push(...base.slice(at));
	return out.join("");
}

/** Pieces beyond which a diff costs more than it could give (n × m table). */
const MAX_PIECES = 1500;

/**
 * Programs that hold two of the instance's mistakes at once, for every pair whose changes to the
 * snippet lie apart: what a learner holding both misconceptions would predict. Together with the
 * answer and the two single mistakes, such a program makes a square of options in which no option
 * is closer than another to the rest.
 */
export function combinedMistakes(
	code: string,
	mistakes: readonly Mistake[],
): Mistake[] {
	const base = code.match(PIECE) ?? [];
	if (base.length > MAX_PIECES) return [];
	const edits = mistakes.map((mistake) => {
		const changed = mistake.code.match(PIECE) ?? [];
		return changed.length > MAX_PIECES ? [] : editsBetween(base, changed);
	});
	const combined: Mistake[] = [];
	for (const [i, first] of mistakes.entries())
		for (const [j, second] of mistakes.entries()) {
			const a = edits[i] ?? [];
			const b = edits[j] ?? [];
			if (j <= i || a.length === 0 || b.length === 0) continue;
			const merged = merge(base, a, b);
			if (merged !== null)
				combined.push({
					misconception: bothBeliefs(first.misconception, second.misconception),
					code: merged,
				});
		}
	return combined;
}

/** A program whose output may become a wrong option, and whether it holds one mistake or two. */
export interface MistakeProgram extends Mistake {
	origin: "mistake" | "combination";
}

/** The instance's mistake programs, then those combining two of them. */
export function mistakePrograms(instance: {
	code: string;
	mistakes: readonly Mistake[];
}): MistakeProgram[] {
	return [
		...instance.mistakes.map((m) => ({ ...m, origin: "mistake" as const })),
		...combinedMistakes(instance.code, instance.mistakes).map((m) => ({
			...m,
			origin: "combination" as const,
		})),
	];
}
