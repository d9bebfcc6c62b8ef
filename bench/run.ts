import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { run as generator } from "./generator.bench.js";
import { run as inFlight } from "./in-flight.bench.js";
import { run as llm } from "./llm.bench.js";
import { run as optionLeaks } from "./option-leaks.bench.js";
import { writeTargetsToReadme } from "./readme.js";
import { type BenchTable, toMarkdown } from "./table.js";
import { run as targets } from "./targets.bench.js";
import { run as webBundle } from "./web-bundle.bench.js";

/** By name, in the order they run; `npm run bench -- targets llm` runs only those named. */
const BENCHES: Record<string, () => Promise<BenchTable>> = {
	targets,
	generator,
	"option-leaks": optionLeaks,
	llm,
	"in-flight": inFlight,
	"web-bundle": webBundle,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length) {
	console.error(
		`Unknown bench: ${unknown.join(", ")}. Known: ${Object.keys(BENCHES).join(", ")}`,
	);
	process.exit(2);
}
const chosen = asked.length ? asked : Object.keys(BENCHES);

const started = new Date();
const runLine = `${started.toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`;
const tables: BenchTable[] = [];
for (const name of chosen) {
	const table = await BENCHES[name]?.();
	if (!table) continue;
	console.log(`${toMarkdown(table)}\n`);
	tables.push(table);
	if (name === "targets")
		console.log(
			(await writeTargetsToReadme(table, runLine))
				? "README.md: the Performance table is rewritten\n"
				: "README.md: no bench:targets markers, table not written\n",
		);
}
if (asked.length) process.exit(0); // a partial run leaves the full run's results alone
const header = `# Benchmarks\n\n${runLine}\n\nFigures from one run on a shared machine: compare ratios within a run, not absolute numbers across runs.\n`;
const resultsDir = new URL("./results/", import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(
	new URL("latest.md", resultsDir),
	`${header}\n${tables.map(toMarkdown).join("\n\n")}\n`,
);
await writeFile(
	new URL("latest.json", resultsDir),
	`${JSON.stringify({ started, tables }, null, 2)}\n`,
);
console.log("Written to bench/results/latest.md and latest.json");
process.exit(0);
