import { createSandbox, FAMILIES } from "@app/generator/sandbox";
import {
	measureLeaks,
	type Served,
	serveEveryFamily,
} from "@app/generator/testing";
import type { BenchRow, BenchTable } from "./table.js";

const PER_FAMILY = 40;
const CHANCE = 0.25;

const percent = (accuracy: number) => accuracy * 100;

/** One row per guesser for these challenges, and one per family where that guesser does worst. */
function rowsFor(label: string, served: readonly Served[]): BenchRow[] {
	return measureLeaks(served).map((report) => {
		const worst = [...report.byFamily].sort(
			(a, b) => b[1].accuracy - a[1].accuracy,
		);
		return {
			name: `${report.guesser}, ${label}`,
			value: percent(report.overall),
			unit: "%",
			ratio: report.overall / CHANCE,
			note: `${report.count} challenges; most in ${worst
				.slice(0, 3)
				.map(([family, f]) => `${family} ${percent(f.accuracy).toFixed(0)} %`)
				.join(", ")}`,
		};
	});
}

/**
 * How often a code-blind guesser picks the right option of offline challenges (closest to or
 * farthest from the other options, longest, shortest, most tokens shared with the code), overall,
 * per language and per family.
 */
export async function run(): Promise<BenchTable> {
	const sandbox = createSandbox();
	const served = await serveEveryFamily(sandbox, FAMILIES, PER_FAMILY);
	await sandbox.close();
	const rows = rowsFor("all", served);
	for (const language of ["python", "javascript"])
		rows.push(
			...rowsFor(
				language,
				served.filter((s) => s.family.startsWith(`${language}/`)),
			),
		);
	for (const family of FAMILIES)
		rows.push(
			...rowsFor(
				family.id,
				served.filter((s) => s.family === family.id),
			).map(({ note, ...row }) => row),
		);
	return {
		title: "Option leaks: code-blind guessers on offline challenges",
		baseline: `chance, ${percent(CHANCE)} % (one of four options); ${PER_FAMILY} challenges per family, fixed seeds`,
		rows,
	};
}
