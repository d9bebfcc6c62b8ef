import { describe, expect, it } from "vitest";
import { outcomeOption } from "./outcome-option.js";
import type { RunResult } from "./sandbox.js";

const raised = (stdout: string, type: string, exact = true): RunResult => ({
	status: "error",
	stdout,
	error: `${type}: message`,
	raised: type,
	exact,
	durationMs: 1,
});

describe("outcomeOption", () => {
	it("gives the printed lines, then the type of the exception that escaped", () => {
		expect(outcomeOption(raised("a 1\nb 2\n", "KeyError"))).toBe(
			"a 1\nb 2\n[raises KeyError]",
		);
		expect(outcomeOption(raised("", "ReferenceError"))).toBe(
			"[raises ReferenceError]",
		);
		expect(outcomeOption(raised("no newline", "TypeError"))).toBe(
			"no newline\n[raises TypeError]",
		);
	});

	it("gives what a run that finished printed", () => {
		expect(
			outcomeOption({
				status: "ok",
				stdout: "done\n",
				exact: true,
				durationMs: 1,
			}),
		).toBe("done");
	});

	it.each<[string, RunResult]>([
		["an inexact output", raised("x\n", "TypeError", false)],
		["a printed raises line", raised("[raises KeyError]\n", "TypeError")],
		[
			"a finished run that printed a raises line",
			{
				status: "ok",
				stdout: "1\n[raises KeyError]\n",
				exact: true,
				durationMs: 1,
			},
		],
		["a type name that is not an identifier", raised("", "Bad name")],
		[
			"an error with no raised type (a thrown value that is not an Error, the output limit)",
			{
				status: "error",
				stdout: "",
				error: "Uncaught: 42",
				exact: true,
				durationMs: 1,
			},
		],
		["a timeout", { status: "timeout", stdout: "1\n", durationMs: 1 }],
		["too long an output", raised(`${"x".repeat(400)}\n`, "TypeError")],
	])("is null for %s", (_, run) => {
		expect(outcomeOption(run)).toBeNull();
	});
});
