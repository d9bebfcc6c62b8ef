import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxProcessIds } from "../../testing/sandbox-processes.js";
import { createSandbox, type Sandbox } from "./sandbox.js";
import { SANDBOX_NICENESS } from "./sandbox-process.js";

const NICE = 19;
const THREADS = 20;

/** A field of a /proc stat file, counted from 1 as proc(5) does. */
function statField(path: string, field: number): number {
	const stat = readFileSync(path, "utf8");
	// the fields from the 3rd on follow the command name, which may hold spaces
	return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[field - 3]);
}

function onlySandboxProcess(): number {
	const ids = sandboxProcessIds();
	expect(ids).toHaveLength(1);
	return ids[0] as number;
}

describe("starting the sandbox process", () => {
	let sandbox: Sandbox | undefined;
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});

	it("runs it, every thread included, at a lower CPU priority than the server", async () => {
		sandbox = createSandbox();
		await sandbox.warm(["javascript", "python"]);
		const pid = onlySandboxProcess();
		const threads = readdirSync(`/proc/${pid}/task`);
		// Node's own threads, and the interpreters' workers started later
		expect(threads.length).toBeGreaterThan(4);
		for (const thread of threads)
			expect(statField(`/proc/${pid}/task/${thread}/stat`, NICE)).toBe(
				SANDBOX_NICENESS,
			);
		expect(statField(`/proc/${process.pid}/stat`, NICE)).toBeLessThan(
			SANDBOX_NICENESS,
		);
	});

	it("keeps serving when SIGINT or SIGTERM reaches it (a terminal's Ctrl-C signals the whole group), and ends when closed", async () => {
		sandbox = createSandbox();
		await sandbox.warm(["javascript"]);
		const pid = onlySandboxProcess();
		process.kill(pid, "SIGINT");
		process.kill(pid, "SIGTERM");
		expect(await sandbox.run("javascript", "console.log(6 * 7)")).toMatchObject(
			{ status: "ok", stdout: "42\n" },
		);
		expect(sandboxProcessIds()).toEqual([pid]);
		await sandbox.close();
		sandbox = undefined;
		await expect.poll(() => existsSync(`/proc/${pid}`)).toBe(false);
	});

	it("starts the one-run Python interpreter too when warmed with isolated, so the first draft does not wait for it", async () => {
		sandbox = createSandbox();
		await sandbox.warm(["python"]);
		const pid = onlySandboxProcess();
		const shared = statField(`/proc/${pid}/stat`, THREADS);
		await sandbox.warm(["python"], { isolated: true });
		expect(statField(`/proc/${pid}/stat`, THREADS)).toBeGreaterThan(shared);
		expect(
			await sandbox.run("python", "print(6 * 7)", { isolated: true }),
		).toMatchObject({ status: "ok", stdout: "42\n" });
	});
});
