import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BenchTable, toMarkdown } from "./table.js";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- bench:targets:start -->";
const END = "<!-- bench:targets:end -->";

/** Rewrites only what lies between the README's targets markers: the run's line and the table. */
export async function writeTargetsToReadme(
	table: BenchTable,
	runLine: string,
): Promise<boolean> {
	const readme = await readFile(README, "utf8");
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) return false;
	// the README's own heading level: the table's title becomes the paragraph's first words
	const [, , ...body] = toMarkdown(table).split("\n");
	const content = [runLine, "", `**${table.title}.**`, "", ...body].join("\n");
	await writeFile(
		README,
		`${readme.slice(0, start + START.length)}\n${content}\n${readme.slice(end)}`,
	);
	// aligned as the formatter wants it, so that `npm run check` stays clean after a bench run
	await promisify(execFile)(
		"npx",
		["biome", "format", "--write", fileURLToPath(README)],
		{
			cwd: fileURLToPath(new URL("..", import.meta.url)),
		},
	);
	return true;
}
