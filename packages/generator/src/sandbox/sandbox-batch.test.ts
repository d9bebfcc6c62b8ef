import { afterAll, describe, expect, it } from "vitest";
import { sandboxOver } from "./sandbox.js";
import { SandboxProcess } from "./sandbox-process.js";

const processRunner = new SandboxProcess();
const sandbox = sandboxOver(processRunner, { timeoutMs: 1500, memoryMb: 48 });
const escaped = new URL("../../test/escaped-worker.mjs", import.meta.url).href;
afterAll(() => sandbox.close());

describe("Sandbox.runBatch", () => {
	it("answers each program of a batch in the order of the programs", async () => {
		const programs = Array.from(
			{ length: 9 },
			(_, i) => `console.log(${i} * 2)`,
		);
		const results = await sandbox.runBatch("javascript", programs);
		expect(results.map((run) => run.stdout)).toEqual(
			programs.map((_, i) => `${i * 2}\n`),
		);
		expect(results.every((run) => run.status === "ok" && run.exact)).toBe(true);
	});

	it("sends a batch to the sandbox process as one request", async () => {
		await sandbox.run("javascript", "console.log(0)");
		const before = processRunner.sent;
		await sandbox.runBatch("javascript", [
			"console.log(1)",
			"console.log(2)",
			"console.log(3)",
			"console.log(4)",
		]);
		expect(processRunner.sent - before).toBe(1);
	});

	it("gives a program that hangs its timeout and the others their output", async () => {
		const results = await sandbox.runBatch("javascript", [
			"console.log('before')",
			"while (true) {}",
			"console.log('after')",
			"setInterval(() => {}, 1)",
			"console.log('last')",
		]);
		expect(results.map((run) => [run.status, run.stdout])).toEqual([
			["ok", "before\n"],
			["timeout", ""],
			["ok", "after\n"],
			["timeout", ""],
			["ok", "last\n"],
		]);
	});

	it("gives a program that runs out of memory its memory error and the others their output", async () => {
		const results = await sandbox.runBatch("javascript", [
			"console.log('before')",
			"let s = 'xxxxxxxxxx';\nwhile (true) s = s.repeat(2);",
			"console.log('after')",
		]);
		expect(results.map((run) => run.status)).toEqual(["ok", "memory", "ok"]);
		expect(results[2]?.stdout).toBe("after\n");
	});

	it("keeps what one javascript program changes from the next programs of its batch", async () => {
		const change = [
			"globalThis.leaked = 'global';",
			"Array.prototype.extra = 'prototype';",
			"Object.defineProperty(Object.prototype, 'inherited', { value: 1 });",
			"JSON.stringify = () => 'replaced';",
			"setTimeout(() => console.log('late timer'), 0);",
			"console.log('changed');",
		].join("\n");
		const look =
			"console.log(typeof leaked, [].extra, ({}).inherited, JSON.stringify([1]))";
		const results = await sandbox.runBatch("javascript", [
			change,
			look,
			change,
			look,
		]);
		expect(results.map((run) => run.stdout)).toEqual([
			"changed\nlate timer\n",
			"undefined undefined undefined [1]\n",
			"changed\nlate timer\n",
			"undefined undefined undefined [1]\n",
		]);
	});

	it("keeps what one python program changes from the next programs of its batch", async () => {
		const results = await sandbox.runBatch("python", [
			"import builtins\nbuiltins.leaked = 'global'\nprint('changed')",
			"print('leaked' in dir(__builtins__))",
			"x = 1\nprint(x)",
			"print('x' in globals())",
		]);
		expect(results.map((run) => [run.status, run.stdout])).toEqual([
			["ok", "changed\n"],
			["ok", "False\n"],
			["ok", "1\n"],
			["ok", "False\n"],
		]);
	});

	it("answers an empty batch without the sandbox process", async () => {
		const before = processRunner.sent;
		expect(await sandbox.runBatch("javascript", [])).toEqual([]);
		expect(processRunner.sent).toBe(before);
	});
});

describe("Sandbox.runBatch with an interpreter that crashes", () => {
	it("gives a program that kills its worker a crash and the others their result", async () => {
		const crashing = sandboxOver(
			new SandboxProcess({ javascript: escaped, python: escaped }),
			{ timeoutMs: 5000 },
		);
		try {
			const results = await crashing.runBatch("javascript", [
				"return 'before'",
				"process.exit(3)",
				"return 'after'",
				"return 'last'",
			]);
			expect(results[1]).toMatchObject({
				status: "error",
				error: expect.stringMatching(/^sandbox crashed/),
			});
			expect(
				[results[0], results[2], results[3]].map((run) => run?.stdout),
			).toEqual(["before\n", "after\n", "last\n"]);
		} finally {
			await crashing.close();
		}
	});
});
