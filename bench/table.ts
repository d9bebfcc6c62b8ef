/** One measured figure; `ratio` compares it with the baseline measured in the same run. */
export interface BenchRow {
	name: string;
	value: number;
	unit: string;
	ratio?: number;
	note?: string;
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

const format = (value: number) =>
	Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);

export function toMarkdown(table: BenchTable): string {
	const lines = [
		`### ${table.title}`,
		"",
		`Baseline: ${table.baseline}`,
		"",
		"| measure | value | ratio to baseline | note |",
		"|---|---:|---:|---|",
		...table.rows.map(
			(row) =>
				`| ${row.name} | ${format(row.value)} ${row.unit} | ${row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}×`} | ${row.note ?? ""} |`,
		),
	];
	return lines.join("\n");
}
