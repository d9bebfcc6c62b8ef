import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { withArticle } from "../prose.js";

/** A line that raises in finally, the exception it raises, and what it needs defined first. */
const TRIGGERS = [
	{ setup: "counts = {}", line: 'counts["done"] += 1', error: "KeyError" },
	{ setup: "steps = []", line: "last = steps[-1]", error: "IndexError" },
	{
		setup: "spent = 0",
		line: "rate = 100 // spent",
		error: "ZeroDivisionError",
	},
	{ setup: 'label = "n"', line: "label = label + 1", error: "TypeError" },
	{ setup: 'raw = "1.5x"', line: "size = float(raw)", error: "ValueError" },
] as const;
const LABELS = [
	["start", "cleanup", "handled"],
	["open", "close", "caught"],
	["begin", "finally", "except"],
	["load", "release", "recovered"],
] as const;
const NAMES = ["result", "value", "total", "parsed"] as const;

interface Params {
	trigger: (typeof TRIGGERS)[number];
	labels: (typeof LABELS)[number];
	name: (typeof NAMES)[number];
	/** the number the try block parses, without raising */
	number: number;
}

export const finallyRaises = defineFamily<Params>({
	id: "python/finally-raises",
	idea: "py.exceptions-and-finally",
	language: "python",
	difficulty: "hard",
	kind: "error",
	title: "An exception raised in finally",
	topics: ["exceptions", "finally", "try", "except", "control flow"],
	params: (rng) => ({
		trigger: rng.pick(TRIGGERS),
		labels: rng.pick(LABELS),
		name: rng.pick(NAMES),
		number: rng.int(2, 99),
	}),
	build: ({ trigger, labels, name, number }) => {
		const [start, cleanup, caught] = labels;
		const { setup, line, error } = trigger;
		const program = ({
			finallyBody = [`print("${cleanup}")`, line],
			after = [] as string[],
		}: {
			finallyBody?: string[];
			after?: string[];
		} = {}) =>
			`${setup}\ntry:\n    print("${start}")\n    ${name} = int("${number}")\n` +
			`except ${error}:\n    print("${caught}")\n` +
			`finally:\n${finallyBody.map((l) => `    ${l}\n`).join("")}` +
			`print("${name}", ${name})\n${after.join("\n")}${after.length ? "\n" : ""}`;
		const guarded = (handler: string) => [
			`print("${cleanup}")`,
			"try:",
			`    ${line}`,
			`except ${error}:`,
			`    ${handler}`,
		];
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`the except ${error} clause of the same try statement also catches the ${error} raised in finally`,
					code: program({ finallyBody: guarded(`print("${caught}")`) }),
				},
				{
					misconception: belief`finally only runs when the try block raised, and here it did not`,
					code: program({ finallyBody: ["pass"] }),
				},
				{
					misconception: belief`an exception in finally is ignored once the try block has succeeded`,
					code: program({ finallyBody: guarded("pass") }),
				},
				{
					misconception: belief`finally runs after the line that follows the try statement`,
					code: program({
						finallyBody: ["pass"],
						after: [`print("${cleanup}")`, line],
					}),
				},
			],
			explain: (answer) =>
				`The try block prints "${start}" and sets ${name} = ${number} without raising, so the except clause is skipped. ` +
				`finally always runs, and runs before anything after the try statement: it prints "${cleanup}", then \`${line}\` raises ${withArticle(error)}. ` +
				`An except clause only handles exceptions raised in its own try block, never one raised in the finally of the same statement, ` +
				`so the ${error} escapes and \`print("${name}", ${name})\` never runs. What happens: “${oneLine(answer)}”.`,
		};
	},
});
