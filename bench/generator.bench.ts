import { DIFFICULTIES, LANGUAGES } from "@app/contract";
import { createGenerator, createSandbox } from "@app/generator";
import { type BenchTable, percentile } from "./table.js";

const RUNS_PER_LANGUAGE = 120;

/** The offline engine: sandbox cold start, then warm generation per language, against a bare sandbox run. */
export async function run(): Promise<BenchTable> {
	const rows: BenchTable["rows"] = [];

	const cold = createSandbox();
	for (const language of LANGUAGES) {
		const started = performance.now();
		await cold.run(
			language,
			language === "python" ? "print(1)" : "console.log(1)",
		);
		rows.push({
			name: `sandbox cold start, ${language}`,
			value: performance.now() - started,
			unit: "ms",
		});
	}
	const bare: Record<string, number> = {};
	for (const language of LANGUAGES) {
		const samples: number[] = [];
		for (let i = 0; i < 50; i++) {
			const started = performance.now();
			await cold.run(
				language,
				language === "python" ? "print(1)" : "console.log(1)",
			);
			samples.push(performance.now() - started);
		}
		bare[language] = percentile(samples, 50);
		rows.push({
			name: `bare sandbox run p50, ${language}`,
			value: bare[language],
			unit: "ms",
			ratio: 1,
		});
	}
	await cold.close();

	const generator = createGenerator({ kind: "offline" });
	await generator.warm();
	for (const language of LANGUAGES) {
		const samples: number[] = [];
		for (let i = 0; i < RUNS_PER_LANGUAGE; i++) {
			const difficulty = DIFFICULTIES[i % DIFFICULTIES.length] ?? "easy";
			const started = performance.now();
			await generator.generate({ difficulty, language });
			samples.push(performance.now() - started);
		}
		const base = bare[language] ?? 1;
		for (const p of [50, 99]) {
			const value = percentile(samples, p);
			rows.push({
				name: `offline generation p${p}, ${language}`,
				value,
				unit: "ms",
				ratio: value / base,
				note: `${RUNS_PER_LANGUAGE} challenges, warm; target p50 ≤ 30 ms, p99 ≤ 150 ms`,
			});
		}
	}
	await generator.close();
	return {
		title: "Generation engine",
		baseline:
			"one bare `print(1)` run in the warm sandbox of the same language",
		rows,
	};
}
