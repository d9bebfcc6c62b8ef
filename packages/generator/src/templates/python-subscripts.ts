/** Python's slicing, to check at generation time that the beliefs print different things. */
function pySlice(
	w: string,
	start: number | null,
	stop: number | null,
	step: number,
) {
	const n = w.length;
	const at = (i: number, lo: number, hi: number) =>
		Math.min(Math.max(i < 0 ? i + n : i, lo), hi);
	let out = "";
	if (step > 0) {
		const to = stop === null ? n : at(stop, 0, n);
		for (let i = start === null ? 0 : at(start, 0, n); i < to; i += step)
			out += w[i];
	} else {
		const to = stop === null ? -1 : at(stop, -1, n - 1);
		for (
			let i = start === null ? n - 1 : at(start, -1, n - 1);
			i > to;
			i += step
		)
			out += w[i];
	}
	return out;
}

/** A subscript as the snippet writes it after a variable, and what it gives for a word. */
export interface Subscript {
	show(variable: string): string;
	of(w: string): string;
}
export const slice = (
	start: number | null,
	stop: number | null,
	step: number | null = null,
): Subscript => ({
	show: (v) =>
		`${v}[${start ?? ""}:${stop ?? ""}${step === null ? "" : `:${step}`}]`,
	of: (w) => pySlice(w, start, stop, step ?? 1),
});
/** Two subscripts, the second applied to the result of the first. */
export const chained = (first: Subscript, second: Subscript): Subscript => ({
	show: (v) => second.show(first.show(v)),
	of: (w) => second.of(first.of(w)),
});
/** Indexing: `word[i], word[j]` printed side by side. */
export const pair = (i: number, j: number): Subscript => ({
	show: (v) => `${v}[${i}], ${v}[${j}]`,
	of: (w) => `${w.at(i)} ${w.at(j)}`,
});
/** `word[i], word[j:]`: the second index read as a slice from it to the end. */
export const indexThenSlice = (i: number, j: number): Subscript => ({
	show: (v) => `${v}[${i}], ${v}[${j}:]`,
	of: (w) => `${w.at(i)} ${w.slice(j)}`,
});
