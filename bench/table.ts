/** One measured figure; `ratio` compares it with the baseline measured in the same run. */
export interface BenchRow {
	name: string;
	value: number;
	unit: string;
	ratio?: number;
	note?: string;
	/** the row's own baseline with its figure, when the table's differs by row */
	baseline?: string;
	/** what the figure must reach, in words ("≥ 0.15× bare", "p99 < 100 ms") */
	target?: string;
	/** whether the figure reaches its target */
	pass?: boolean;
}

export interface BenchTable {
	title: string;
	baseline: string;
	rows: BenchRow[];
}

export function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return (
		sorted[
			Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
		] ?? Number.NaN
	);
}

export const format = (value: number) =>
	Number.isNaN(value)
		? "—"
		: Number.isInteger(value)
			? String(value)
			: value.toFixed(value < 10 ? 2 : 1);

const ratioCell = (row: BenchRow) =>
	row.ratio === undefined
		? ""
		: `${row.ratio.toFixed(row.ratio < 0.1 ? 4 : 2)}×`;

/** A table of targets: each row with its baseline, its target and whether it passes. */
function targetRows(table: BenchTable): string[] {
	return [
		"| measure | value | baseline | ratio | target | pass | note |",
		"|---|---:|---|---:|---|:---:|---|",
		...table.rows.map(
			(row) =>
				`| ${row.name} | ${format(row.value)} ${row.unit} | ${row.baseline ?? ""} | ${ratioCell(row)} | ${row.target ?? ""} | ${row.pass === undefined ? "" : row.pass ? "pass" : "**FAIL**"} | ${row.note ?? ""} |`,
		),
	];
}

export function toMarkdown(table: BenchTable): string {
	const hasTargets = table.rows.some((row) => row.target !== undefined);
	const lines = [
		`### ${table.title}`,
		"",
		`Baseline: ${table.baseline}`,
		"",
		...(hasTargets
			? targetRows(table)
			: [
					"| measure | value | ratio to baseline | note |",
					"|---|---:|---:|---|",
					...table.rows.map(
						(row) =>
							`| ${row.name} | ${format(row.value)} ${row.unit} | ${ratioCell(row)} | ${row.note ?? ""} |`,
					),
				]),
	];
	return lines.join("\n");
}
