import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { run as api } from "./api.bench.js";
import { run as generator } from "./generator.bench.js";
import { run as inFlight } from "./in-flight.bench.js";
import { run as llm } from "./llm.bench.js";
import { run as optionLeaks } from "./option-leaks.bench.js";
import { toMarkdown } from "./table.js";
import { run as webBundle } from "./web-bundle.bench.js";

const BENCHES = [generator, optionLeaks, llm, api, inFlight, webBundle];

const started = new Date();
const tables = [];
for (const bench of BENCHES) {
	const table = await bench();
	console.log(`${toMarkdown(table)}\n`);
	tables.push(table);
}
const header = `# Benchmarks\n\n${started.toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}\n\nFigures from one run on a shared machine: compare ratios within a run, not absolute numbers across runs.\n`;
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
