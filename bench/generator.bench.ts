import { DIFFICULTIES, LANGUAGES, type Language } from "@app/contract";
import { createSandbox, FAMILIES, type Sandbox } from "@app/generator/sandbox";
import {
	createInProcessSandbox,
	createOfflineGenerator,
} from "@app/generator/testing";
import { type BenchRow, type BenchTable, percentile } from "./table.js";

const RUNS_PER_LANGUAGE = 120;
const BARE_RUNS = 50;
const bare = (language: Language) =>
	language === "python" ? "print(1)" : "console.log(1)";

/** Figures of one layout of the interpreters, by measure name. */
type Figures = Map<string, number>;

/** Cold start, bare runs and offline generation with the interpreters in one layout. */
async function measure(sandbox: Sandbox): Promise<Figures> {
	const figures: Figures = new Map();
	for (const language of LANGUAGES) {
		const started = performance.now();
		await sandbox.run(language, bare(language));
		figures.set(`cold start, ${language}`, performance.now() - started);
	}
	for (const language of LANGUAGES) {
		const samples: number[] = [];
		for (let i = 0; i < BARE_RUNS; i++) {
			const started = performance.now();
			await sandbox.run(language, bare(language));
			samples.push(performance.now() - started);
		}
		figures.set(`bare run p50, ${language}`, percentile(samples, 50));
	}
	const generator = createOfflineGenerator(sandbox, FAMILIES);
	for (const language of LANGUAGES) {
		const samples: number[] = [];
		for (let i = 0; i < RUNS_PER_LANGUAGE; i++) {
			const difficulty = DIFFICULTIES[i % DIFFICULTIES.length] ?? "easy";
			const started = performance.now();
			await generator.generate({ difficulty, language });
			samples.push(performance.now() - started);
		}
		for (const p of [50, 99])
			figures.set(
				`offline generation p${p}, ${language}`,
				percentile(samples, p),
			);
	}
	await sandbox.close();
	return figures;
}

/**
 * The offline engine with its interpreters in the sandbox process (as served), against the same
 * measures with the interpreters' workers in this process (as before the sandbox process).
 */
export async function run(): Promise<BenchTable> {
	const before = await measure(await createInProcessSandbox());
	const started = performance.now();
	const served = createSandbox();
	await served.warm([]);
	const processStart = performance.now() - started;
	const after = await measure(served);

	const rows: BenchRow[] = [
		{
			name: "sandbox process start (spawn to first answer)",
			value: processStart,
			unit: "ms",
			note: "before any interpreter loads",
		},
	];
	for (const [name, value] of before) {
		const inProcess = value;
		const inSandbox = after.get(name) ?? Number.NaN;
		const generation = name.startsWith("offline generation");
		rows.push(
			{ name: `${name}, in-process`, value: inProcess, unit: "ms", ratio: 1 },
			{
				name: `${name}, sandbox process`,
				value: inSandbox,
				unit: "ms",
				ratio: inSandbox / inProcess,
				note: generation
					? `${RUNS_PER_LANGUAGE} challenges, warm; target p50 ≤ 30 ms, p99 ≤ 150 ms, within 1.2× in-process`
					: undefined,
			},
		);
	}
	return {
		title:
			"Generation engine: the sandbox process against in-process interpreters",
		baseline:
			"the same measure, in the same run, with the interpreters' worker threads in the server's own process (no permission model, no IPC), as before the sandbox process",
		rows,
	};
}
