import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxProcessIds } from "../../testing/sandbox-processes.js";
import { createSandbox, SandboxUnavailableError } from "./sandbox.js";
import { resolveLaunch } from "./sandbox-launch.js";

const SECRET = "sandbox-canary-secret-41d9";
const escaped = new URL("../../test/escaped-worker.mjs", import.meta.url).href;
let hostDir = "";

beforeAll(async () => {
	hostDir = await mkdtemp(join(tmpdir(), "sandbox-canary-"));
	await writeFile(join(hostDir, "secret.txt"), SECRET);
	// as the server's own secrets are: in its environment
	process.env.SANDBOX_CANARY_SECRET = SECRET;
});
afterAll(async () => {
	delete process.env.SANDBOX_CANARY_SECRET;
	await rm(hostDir, { recursive: true, force: true });
});

/**
 * The permission model alone: a Node process started with the sandbox process's own flags and
 * environment, running a probe with none of the worker threads' stand-ins in front of it.
 */
describe("the sandbox process's permission flags on their own", () => {
	const probe = async (code: string) => {
		const { execArgv } = await resolveLaunch();
		const cwd = await mkdtemp(join(tmpdir(), "sandbox-probe-"));
		try {
			const { stdout } = await promisify(execFile)(
				process.execPath,
				[...execArgv, "--input-type=module", "-e", code],
				{ env: {}, cwd },
			);
			return stdout.trim();
		} finally {
			await rm(cwd, { recursive: true, force: true });
		}
	};
	const attempt = (action: string) =>
		`import { createRequire } from "node:module";
		const require = createRequire(${JSON.stringify(import.meta.url)});
		try { ${action}; console.log("ran"); } catch (error) { console.log(error.code); }`;

	it.each([
		[
			"spawnSync",
			`require("node:child_process").spawnSync("touch", ["$CANARY"])`,
		],
		["execSync", `require("node:child_process").execSync("touch $CANARY")`],
		["writeFileSync", `require("node:fs").writeFileSync("$CANARY", "x")`],
		["readFileSync of a secret", `require("node:fs").readFileSync("$SECRET")`],
		["process.binding", `process.binding("spawn_sync")`],
		["process.dlopen", `process.dlopen({ exports: {} }, "$CANARY.node")`],
	])("stops %s", async (_name, action) => {
		const printed = await probe(
			attempt(
				action
					.replaceAll("$CANARY", join(hostDir, "canary"))
					.replaceAll("$SECRET", join(hostDir, "secret.txt")),
			),
		);
		expect(printed).toMatch(/^ERR_(ACCESS_DENIED|DLOPEN_DISABLED)$/);
		expect(existsSync(join(hostDir, "canary"))).toBe(false);
	});

	it("starts it with nothing of the server's environment", async () => {
		expect(await probe("console.log(JSON.stringify(process.env))")).toBe("{}");
	});
});

/** Each snippet runs as plain Node code, as if it had escaped its interpreter completely. */
describe("the sandbox process on its own, with an escaped interpreter", () => {
	const sandbox = createSandbox(
		{ timeoutMs: 5000 },
		{ workers: { javascript: escaped, python: escaped } },
	);
	afterAll(() => sandbox.close());
	const run = (code: string) => sandbox.run("javascript", code);
	const canary = () => join(hostDir, "canary");

	it("has an empty environment", async () => {
		const result = await run("return JSON.stringify(process.env)");
		expect(result).toMatchObject({ status: "ok", stdout: "{}\n" });
		// as the kernel holds it, which no code inside can dress up: only Node's IPC channel
		const [pid] = sandboxProcessIds();
		const environ = await readFile(`/proc/${pid}/environ`, "utf8");
		const names = environ
			.split("\0")
			.filter(Boolean)
			.map((entry) => entry.split("=")[0]);
		expect(names.every((name) => name?.startsWith("NODE_CHANNEL_"))).toBe(true);
		expect(environ).not.toContain(SECRET);
	});

	it.each([
		[
			"execSync",
			`require("node:child_process").execSync("touch ${"$CANARY"}")`,
		],
		[
			"spawnSync",
			`const run = require("node:child_process").spawnSync("touch", ["$CANARY"]);\nif (run.error) throw run.error;`,
		],
		["spawn", `require("node:child_process").spawn("touch", ["$CANARY"])`],
		["fork", `require("node:child_process").fork("$CANARY")`],
	])("refuses to start a process: %s", async (_name, template) => {
		const result = await run(template.replaceAll("$CANARY", canary()));
		expect(result.status).toBe("error");
		expect(result).toMatchObject({
			error: expect.stringContaining("ERR_ACCESS_DENIED"),
		});
		expect(existsSync(canary())).toBe(false);
	});

	it("walls in the worker threads it starts, whatever their flags", async () => {
		const result = await run(
			`await new Promise((resolve, reject) => {
				const { Worker } = require("node:worker_threads");
				const worker = new Worker(
					"require('node:fs').writeFileSync(require('node:worker_threads').workerData, '')",
					{ eval: true, execArgv: [], workerData: ${JSON.stringify(canary())} },
				);
				worker.on("error", reject);
				worker.on("exit", resolve);
			})`,
		);
		expect(result).toMatchObject({
			status: "error",
			error: expect.stringContaining("ERR_ACCESS_DENIED"),
		});
		expect(existsSync(canary())).toBe(false);
	});

	it.each([
		["writeFileSync", `require("node:fs").writeFileSync("$CANARY", "x")`],
		["mkdirSync", `require("node:fs").mkdirSync("$CANARY")`],
		[
			"a write to its own working directory",
			`require("node:fs").writeFileSync("canary", "x")`,
		],
		[
			"fs/promises",
			`await require("node:fs/promises").writeFile("$CANARY", "x")`,
		],
	])("refuses to write a file: %s", async (_name, template) => {
		const result = await run(template.replaceAll("$CANARY", canary()));
		expect(result).toMatchObject({
			status: "error",
			error: expect.stringContaining("ERR_ACCESS_DENIED"),
		});
		expect(existsSync(canary())).toBe(false);
	});

	it("refuses node:sqlite, whose file writes Node 22's permission model does not check", async () => {
		const result = await run(
			`const sqlite = process.getBuiltinModule("node:sqlite");
			if (!sqlite) return "no node:sqlite";
			new sqlite.DatabaseSync(${JSON.stringify(canary())}).exec("create table t (x)");`,
		);
		if (process.getBuiltinModule("node:sqlite"))
			expect(result).toMatchObject({
				status: "error",
				error: expect.stringContaining("ERR_ACCESS_DENIED"),
			});
		// Node 20, and Node 22 before 22.13 without --experimental-sqlite
		else expect(result).toMatchObject({ stdout: "no node:sqlite\n" });
		expect(existsSync(canary())).toBe(false);
	});

	it.each([
		[
			"a secret file",
			(dir: string) =>
				`return require("node:fs").readFileSync("${dir}/secret.txt", "utf8")`,
		],
		[
			"the host's /etc/hostname",
			() => `return require("node:fs").readFileSync("/etc/hostname", "utf8")`,
		],
		[
			"the server's working directory",
			() => `return require("node:fs").readdirSync(".").join()`,
		],
		[
			"its own process's environment file",
			() =>
				`return require("node:fs").readFileSync("/proc/self/environ", "utf8")`,
		],
		[
			"the parent's environment file",
			() =>
				`return require("node:fs").readFileSync("/proc/" + process.ppid + "/environ", "utf8")`,
		],
		[
			"process.binding",
			() => `return Object.keys(process.binding("fs")).length`,
		],
	])("refuses to read %s", async (_name, template) => {
		const result = await run(template(hostDir));
		expect(result).toMatchObject({
			status: "error",
			error: expect.stringContaining("ERR_ACCESS_DENIED"),
		});
		expect(JSON.stringify(result)).not.toContain(SECRET);
	});

	describe("the network", () => {
		let server: Server;
		let port = 0;
		let connections = 0;
		beforeAll(async () => {
			server = createServer((socket) => {
				connections += 1;
				socket.destroy();
			});
			await new Promise<void>((resolve) =>
				server.listen(0, "127.0.0.1", resolve),
			);
			port = (server.address() as AddressInfo).port;
		});
		afterAll(
			() => new Promise<void>((resolve) => server.close(() => resolve())),
		);

		it.each([
			["net.connect", `require("node:net").connect($PORT, "127.0.0.1")`],
			["http.get", `require("node:http").get("http://127.0.0.1:$PORT/")`],
			[
				"fetch from node:undici's global",
				`await fetch("http://127.0.0.1:$PORT/")`,
			],
			["tls.connect", `require("node:tls").connect($PORT, "127.0.0.1")`],
			[
				"a UDP datagram",
				`require("node:dgram").createSocket("udp4").send("x", $PORT, "127.0.0.1")`,
			],
			[
				"a DNS lookup",
				`await require("node:dns").promises.lookup("localhost")`,
			],
			[
				"a DNS query by callback",
				`require("node:dns").resolve4("localhost", () => {})`,
			],
			["listening on a port", `require("node:net").createServer().listen(0)`],
		])("refuses %s", async (_name, template) => {
			const result = await run(
				`${template.replaceAll("$PORT", String(port))}; await new Promise((resolve) => setTimeout(resolve, 50));`,
			);
			expect(result.status).toBe("error");
			expect(connections).toBe(0);
		});
	});

	it("runs in a throwaway working directory, not the server's", async () => {
		const result = await run("return process.cwd()");
		const cwd = result.stdout.trim();
		expect(cwd.startsWith(tmpdir())).toBe(true);
		expect(cwd).not.toBe(process.cwd());
	});
});

describe("the sandbox process's failures", () => {
	it("fails the runs a dead process held with SandboxUnavailableError, then serves from a new one", async () => {
		const sandbox = createSandbox(
			{ timeoutMs: 10_000 },
			{ workers: { javascript: escaped, python: escaped } },
		);
		try {
			await sandbox.run("javascript", "return 1");
			const [first] = sandboxProcessIds();
			expect(first).toBeDefined();
			const held = sandbox.run(
				"javascript",
				"await new Promise((resolve) => setTimeout(resolve, 5000))",
			);
			process.kill(first as number, "SIGKILL");
			await expect(held).rejects.toBeInstanceOf(SandboxUnavailableError);
			expect(await sandbox.run("javascript", "return 6 * 7")).toMatchObject({
				status: "ok",
				stdout: "42\n",
			});
			expect(sandboxProcessIds()).not.toContain(first);
		} finally {
			await sandbox.close();
		}
	});

	it("replaces a process that stops answering", async () => {
		const sandbox = createSandbox(
			{ timeoutMs: 10_000 },
			{ workers: { javascript: escaped, python: escaped }, hangAfterMs: 1500 },
		);
		try {
			await sandbox.run("javascript", "return 1");
			const [first] = sandboxProcessIds();
			const held = sandbox.run(
				"javascript",
				"await new Promise((resolve) => setTimeout(resolve, 5000))",
			);
			process.kill(first as number, "SIGSTOP");
			await expect(held).rejects.toThrow(/stopped answering/);
			expect(await sandbox.run("javascript", "return 6 * 7")).toMatchObject({
				status: "ok",
				stdout: "42\n",
			});
		} finally {
			await sandbox.close();
		}
	});

	it("leaves no process behind when closed", async () => {
		const sandbox = createSandbox(
			{},
			{ workers: { javascript: escaped, python: escaped } },
		);
		await sandbox.run("javascript", "return 1");
		expect(sandboxProcessIds()).toHaveLength(1);
		await sandbox.close();
		expect(sandboxProcessIds()).toHaveLength(0);
		await expect(sandbox.run("javascript", "return 1")).rejects.toBeInstanceOf(
			SandboxUnavailableError,
		);
	});
});

it("leaves no working directory behind", async () => {
	const before = (await readdir(tmpdir())).filter(
		(name) => name.startsWith("sandbox-") && !name.startsWith("sandbox-canary"),
	);
	const sandbox = createSandbox(
		{},
		{ workers: { javascript: escaped, python: escaped } },
	);
	await sandbox.run("javascript", "return 1");
	await sandbox.close();
	const after = (await readdir(tmpdir())).filter(
		(name) => name.startsWith("sandbox-") && !name.startsWith("sandbox-canary"),
	);
	expect(after.filter((name) => !before.includes(name))).toEqual([]);
});
