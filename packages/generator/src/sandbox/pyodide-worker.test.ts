import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSystemUnguarded } from "../../test/unguarded-pyodide.js";
import type { JobOutcome, RunJob } from "./protocol.js";
import type { StartedFrom } from "./pyodide-start.js";
import { createSandbox } from "./sandbox.js";
import { resolveLaunch, type SandboxLaunch } from "./sandbox-launch.js";

const sandbox = createSandbox({ timeoutMs: 5000, memoryMb: 48 });
const SECRET = "host-secret-7f3a";
/** set in this process before any sandbox starts, so a sandbox that passed the host's environment on would show it */
const HOST_VARIABLE = "SANDBOX_TEST_HOST_VARIABLE";
let hostDir = "";
/** this machine's name, which a snippet that read the host's /etc/hostname would print */
let hostName = "";
/** the launch with the Python worker's memory snapshot, made before the sandbox starts */
let launch: SandboxLaunch;

beforeAll(async () => {
	// so that the sandbox of this file starts its Python workers from the snapshot
	launch = await resolveLaunch(undefined, { waitForSnapshot: true });
	hostDir = await mkdtemp(join(tmpdir(), "sandbox-host-"));
	await writeFile(join(hostDir, "secret.txt"), SECRET);
	process.env[HOST_VARIABLE] = SECRET;
	hostName = (await readFile("/etc/hostname", "utf8").catch(() => "")).trim();
}, 120_000);
afterAll(async () => {
	delete process.env[HOST_VARIABLE];
	await sandbox.close();
	await rm(hostDir, { recursive: true, force: true });
});

/** Each snippet prints REACHED only if it ran JavaScript in the worker or read the host's files. */
const ESCAPES: [string, (dir: string) => string][] = [
	[
		"import js after popping the guard's finder",
		() =>
			"import sys\nsys.meta_path.pop(0)\nimport js\nprint('REACHED', js.eval('6 * 7'))",
	],
	[
		"__import__('js')",
		() => "print('REACHED', __import__('js').eval('6 * 7'))",
	],
	[
		"import pyodide_js after popping the guard's finder",
		(dir) =>
			`import sys\nsys.meta_path.pop(0)\nimport pyodide_js\npyodide_js.mountNodeFS('/mnt', ${JSON.stringify(dir)})\nprint('REACHED', open('/mnt/secret.txt').read())`,
	],
	[
		"from pyodide.ffi import to_js after popping the guard's finder",
		() =>
			"import sys\nsys.meta_path.pop(0)\nimport _pyodide_core\nfrom pyodide.ffi import to_js\nprint('REACHED', to_js([]).constructor.constructor('return 6 * 7')())",
	],
	[
		"the _pyodide_core module found by gc.get_objects",
		() =>
			"import gc\ncore = next(o for o in gc.get_objects() if type(o).__name__ == 'module' and o.__name__ == '_pyodide_core')\nprint('REACHED', core.to_js([]).constructor.constructor('return 6 * 7')())",
	],
	[
		"the Pyodide API found by gc.get_objects",
		(dir) =>
			`import gc\napi = next(o['pyodide_js'] for o in gc.get_objects() if type(o) is dict and type(o.get('pyodide_js')).__name__ == 'JsProxy')\napi.mountNodeFS('/mnt', ${JSON.stringify(dir)})\nprint('REACHED', open('/mnt/secret.txt').read())`,
	],
	[
		"_pyodide_core recreated with _imp.create_builtin, past every Python-level guard",
		() =>
			"import _imp\nfrom importlib.machinery import ModuleSpec\ncore = _imp.create_builtin(ModuleSpec('_pyodide_core', None))\nprint('REACHED', core.to_js([]).constructor.constructor('return 6 * 7')())",
	],
	[
		"ctypes calling Emscripten's eval after popping the guard's finder",
		() =>
			"import sys\nsys.meta_path.pop(0)\nimport ctypes\nprint('REACHED', ctypes.CDLL(None).emscripten_run_script_int(b'6 * 7'))",
	],
];

interface HostPaths {
	/** a file the snippet tries to create on the host, in a folder of its own */
	canary: string;
	/** the host file holding SECRET, by its absolute path */
	secret: string;
}

/** Python string literal of a path */
const py = (path: string) => JSON.stringify(path);

/** Pyodide builds `os` without posix_spawn; if a later build has it, the audit hook refuses it. */
const NO_POSIX_SPAWN =
	/^(AttributeError: module 'os' has no attribute 'posix_spawnp?'|PermissionError: os\.posix_spawn is not available in the sandbox)$/;

/** CPython's subprocess refuses on Emscripten before its audit event (past the flag, the audit hook refuses). */
const NO_SUBPROCESS =
	/^OSError: \[Errno 138\] emscripten does not support processes\.$/;

/** Snippets that start or signal a process, or read the host by absolute path, and how each ends. */
const HOST_REACH: [string, (paths: HostPaths) => string, RegExp][] = [
	[
		"os.system",
		({ canary }) => `import os\nos.system(${py(`touch ${canary}`)})`,
		/^PermissionError: os\.system is not available in the sandbox$/,
	],
	[
		"os.system's exit status as a side channel",
		() => "import os\nprint('STATUS', os.system('exit 3'))",
		/^PermissionError: os\.system /,
	],
	[
		"os.popen",
		({ secret }) => `import os\nprint(os.popen(${py(`cat ${secret}`)}).read())`,
		NO_SUBPROCESS,
	],
	[
		"subprocess.run",
		({ canary }) =>
			`import subprocess\nsubprocess.run(['touch', ${py(canary)}])`,
		NO_SUBPROCESS,
	],
	[
		"subprocess.Popen",
		({ canary }) =>
			`import subprocess\nsubprocess.Popen(['touch', ${py(canary)}]).wait()`,
		NO_SUBPROCESS,
	],
	[
		"subprocess.run with subprocess._can_fork_exec forced on",
		({ canary }) =>
			`import subprocess\nsubprocess._can_fork_exec = True\nsubprocess.run(['touch', ${py(canary)}])`,
		/^PermissionError: subprocess\.Popen is not available in the sandbox$/,
	],
	[
		"subprocess.check_output",
		({ secret }) =>
			`import subprocess\nprint(subprocess.check_output(['cat', ${py(secret)}]))`,
		NO_SUBPROCESS,
	],
	[
		"os.posix_spawn",
		({ canary }) =>
			`import os\nos.posix_spawn('/usr/bin/touch', ['touch', ${py(canary)}], {})`,
		NO_POSIX_SPAWN,
	],
	[
		"os.posix_spawnp",
		({ canary }) =>
			`import os\nos.posix_spawnp('touch', ['touch', ${py(canary)}], {})`,
		NO_POSIX_SPAWN,
	],
	// on POSIX, os.py builds the spawn* functions from fork and exec
	[
		"os.spawnv",
		({ canary }) =>
			`import os\nos.spawnv(os.P_WAIT, '/usr/bin/touch', ['touch', ${py(canary)}])`,
		/^PermissionError: os\.fork /,
	],
	[
		"os.spawnl",
		({ canary }) =>
			`import os\nos.spawnl(os.P_WAIT, '/usr/bin/touch', 'touch', ${py(canary)})`,
		/^PermissionError: os\.fork /,
	],
	[
		"os.execv",
		({ canary }) =>
			`import os\nos.execv('/usr/bin/touch', ['touch', ${py(canary)}])`,
		/^PermissionError: os\.exec /,
	],
	[
		"os.execl",
		({ canary }) =>
			`import os\nos.execl('/usr/bin/touch', 'touch', ${py(canary)})`,
		/^PermissionError: os\.exec /,
	],
	[
		"os.fork",
		({ canary }) =>
			`import os\nif os.fork() == 0:\n    os.system(${py(`touch ${canary}`)})`,
		/^PermissionError: os\.fork /,
	],
	[
		"pty.spawn",
		({ canary }) => `import pty\npty.spawn(['touch', ${py(canary)}])`,
		/^PermissionError: pty\.spawn /,
	],
	[
		"os.kill of the worker's own process",
		() => "import os\nos.kill(os.getpid(), 9)\nprint('STATUS alive')",
		/^PermissionError: os\.kill /,
	],
	[
		"os.killpg of the worker's process group",
		() => "import os\nos.killpg(os.getpgid(0), 9)\nprint('STATUS alive')",
		/^PermissionError: os\.killpg /,
	],
	[
		"a host file by absolute path",
		() => "print(open('/etc/hostname').read())",
		/^FileNotFoundError: /,
	],
	[
		"the secret file by its absolute path",
		({ secret }) => `print(open(${py(secret)}).read())`,
		/^FileNotFoundError: /,
	],
];

/** A run that tampers with the shared interpreter, then a run that must not notice. */
const TAMPERING: [string, string, string][] = [
	[
		"import builtins\nbuiltins.print = lambda *args, **kwargs: None",
		"print('fine')",
		"fine\n",
	],
	["import sys\nsys.stdout.close()", "print('fine')", "fine\n"],
	[
		"import sys\nsys.stdout.reconfigure(newline='\\r\\n')",
		"print('fine')",
		"fine\n",
	],
	[
		"import sys\nsys.addaudithook(lambda event, args: print('audited', event) if event == 'exec' else None)",
		"print('fine')",
		"fine\n",
	],
	[
		"import sys\nclass Refuse:\n    def find_spec(self, *args):\n        raise ImportError('poisoned')\nsys.meta_path.insert(0, Refuse())",
		"import colorsys\nprint(colorsys.rgb_to_hsv(1, 0, 0))",
		"(0.0, 1.0, 1)\n",
	],
	[
		"import sys\nsys.modules['json'] = type(sys)('json')",
		"import json\nprint(json.dumps([1]))",
		"[1]\n",
	],
	[
		"import math\nmath.pi = 3",
		"import math\nprint(math.pi)",
		"3.141592653589793\n",
	],
	[
		"import collections\ncollections.Counter.__repr__ = lambda self: 'poisoned'",
		"from collections import Counter\nprint(Counter('aab'))",
		"Counter({'a': 2, 'b': 1})\n",
	],
	[
		"import json\njson.dumps.__kwdefaults__['indent'] = 4",
		"import json\nprint(json.dumps([1, 2]))",
		"[1, 2]\n",
	],
	[
		"import logging, sys\nlogging.basicConfig(stream=sys.stdout, format='%(message)s')",
		"import logging\nlogging.warning('logged')\nprint('fine')",
		"fine\n",
	],
	[
		"import math\nclass Poison:\n    def __del__(self):\n        import math\n        math.pi = 3\nmath.holder = Poison()",
		"import math\nprint(math.pi)",
		"3.141592653589793\n",
	],
	[
		"import builtins\nbuiltins.all = lambda *args: True\nbuiltins.print = lambda *args, **kwargs: None",
		"print('fine')",
		"fine\n",
	],
	[
		"import operator, math\noperator.is_ = lambda a, b: True\nmath.pi = 3",
		"import math\nprint(math.pi)",
		"3.141592653589793\n",
	],
	[
		"open('/tmp/note.txt', 'w').write('left behind')",
		"import os\nprint(os.path.exists('/tmp/note.txt'))",
		"False\n",
	],
];

describe("pyodide-worker", () => {
	it.each(ESCAPES)(
		"keeps the host out of reach: %s",
		async (_name, snippet) => {
			const result = await sandbox.run("python", snippet(hostDir));
			expect(result.stdout).not.toContain("REACHED");
			expect(result.stdout).not.toContain(SECRET);
		},
	);

	it.each(HOST_REACH)(
		"starts nothing on the host and reads none of its files: %s",
		async (_name, snippet, ending) => {
			const dir = await mkdtemp(join(hostDir, "case-"));
			const canary = join(dir, "canary");
			const secret = join(hostDir, "secret.txt");
			const result = await sandbox.run("python", snippet({ canary, secret }));
			expect(result).toMatchObject({ status: "error" });
			expect(result.status === "error" && result.error).toMatch(ending);
			expect(existsSync(canary)).toBe(false);
			expect(result.stdout).not.toContain(SECRET);
			expect(result.stdout).not.toContain("STATUS");
			if (hostName) expect(result.stdout).not.toContain(hostName);
			expect(await sandbox.run("python", "print('next')")).toMatchObject({
				status: "ok",
				stdout: "next\n",
			});
		},
	);

	it("lets a snippet catch the refusal to start a process and carry on", async () => {
		const dir = await mkdtemp(join(hostDir, "case-"));
		const canary = join(dir, "canary");
		const snippet = [
			"import os",
			"try:",
			`    os.system(${py(`touch ${canary}`)})`,
			"except OSError as error:",
			"    print(type(error).__name__, error)",
		].join("\n");
		expect(await sandbox.run("python", snippet)).toMatchObject({
			status: "ok",
			stdout: "PermissionError os.system is not available in the sandbox\n",
		});
		expect(existsSync(canary)).toBe(false);
	});

	it("shows snippets Pyodide's own environment, none of the host's variables", async () => {
		const result = await sandbox.run(
			"python",
			"import json, os\nprint(json.dumps(dict(os.environ)))",
		);
		expect(result).toMatchObject({ status: "ok" });
		const environ = JSON.parse(result.stdout) as Record<string, string>;
		expect(environ.HOME).toBe("/home/pyodide");
		expect(environ).not.toHaveProperty(HOST_VARIABLE);
		expect(environ.PATH).not.toBe(process.env.PATH);
		expect(result.stdout).not.toContain(SECRET);
	});

	it("names the program as Pyodide does in a browser, not by the worker's path on the host", async () => {
		const result = await sandbox.run(
			"python",
			"import os, sys\nprint(os.environ.get('_'), sys.executable, sys.orig_argv)",
		);
		expect(result).toMatchObject({
			status: "ok",
			stdout: "./this.program /home/pyodide/this.program ['./this.program']\n",
		});
	});

	it("keeps the guard in place for the next run after a snippet popped its finder", async () => {
		await sandbox.run("python", "import sys\nsys.meta_path.pop(0)");
		const result = await sandbox.run(
			"python",
			"import js\nprint('REACHED', js.eval('6 * 7'))",
		);
		expect(result.stdout).not.toContain("REACHED");
		expect(result).toMatchObject({ status: "error" });
	});

	it("gives isolated code an interpreter no later snippet uses, so state no guard lists cannot leak", async () => {
		// each of these survives the guard's clean-up in a shared interpreter
		const poison = [
			"import re, warnings, codecs",
			"from collections.abc import Hashable",
			"class Match:",
			"    def match(self, *args):",
			"        print('INJECTED')",
			"re._cache2[(str, r'\\d+', 0)] = Match()",
			"warnings.simplefilter('error')",
			"Hashable.register(list)",
			"codecs.register_error('lenient', lambda error: ('?', error.end))",
			"print('poisoned')",
		].join("\n");
		const check = [
			"import re, warnings, codecs",
			"from collections.abc import Hashable",
			"print(re.match(r'\\d+', '42').group())",
			"warnings.warn('a warning')",
			"print(isinstance([], Hashable))",
			"try:",
			"    codecs.lookup_error('lenient')",
			"except LookupError:",
			"    print('no handler')",
		].join("\n");
		const tampered = await sandbox.run("python", poison, { isolated: true });
		expect(tampered).toMatchObject({ status: "ok", stdout: "poisoned\n" });
		for (const isolated of [true, false])
			expect(await sandbox.run("python", check, { isolated })).toMatchObject({
				status: "ok",
				stdout: "42\nFalse\nno handler\n",
			});
	});

	it.each(TAMPERING)(
		"gives the next run a clean interpreter after %j",
		async (tamper, check, expected) => {
			await sandbox.run("python", tamper);
			const result = await sandbox.run("python", check);
			expect(result).toMatchObject({ status: "ok", stdout: expected });
		},
	);
});

describe("host stand-ins, without the guard", () => {
	/** the shell's "command not found", as the wait status os.system returns */
	const NOT_STARTED = 127 << 8;

	it("keep Emscripten's system() from running host commands and give every command the same failed status", async () => {
		const dir = await mkdtemp(join(hostDir, "case-"));
		const canary = join(dir, "canary");
		const outcome = await runSystemUnguarded([
			`touch '${canary}'`,
			"exit 3",
			"true",
		]);
		expect(existsSync(canary)).toBe(false);
		expect(outcome).toEqual({
			statuses: [NOT_STARTED, NOT_STARTED, NOT_STARTED],
			after: 42,
		});
	});
});

/** A Python worker thread of this process, started as the sandbox process starts one. */
async function startPythonWorker(
	file: string,
	wasmModule?: WebAssembly.Module,
) {
	const worker = new Worker(new URL(launch.workers.bootstrap), {
		workerData: {
			interrupt: new SharedArrayBuffer(4),
			file,
			...(wasmModule ? { wasmModule } : {}),
		},
	});
	const ready = await new Promise<{ startedFrom: StartedFrom }>(
		(resolve, reject) => {
			worker.once("message", resolve);
			worker.once("error", reject);
		},
	);
	let nextId = 1;
	const run = (code: string) =>
		new Promise<JobOutcome>((resolve) => {
			worker.once("message", resolve);
			worker.postMessage({
				id: nextId++,
				code,
				timeoutMs: 5000,
				memoryMb: 48,
			} satisfies RunJob);
		});
	return {
		startedFrom: ready.startedFrom,
		run,
		stop: () => worker.terminate(),
	};
}

/** The hash of a string: Python draws its seed at start-up, so only interpreters restored from one snapshot share it. */
const HASH = "print(hash('sandbox'))";

describe("a Python worker started from the memory snapshot", () => {
	it("says it started from the snapshot, and its guard refuses what it refuses after a normal load", async () => {
		expect(launch.workers.python).toContain("snapshot=");
		const dir = await mkdtemp(join(hostDir, "case-"));
		const paths = {
			canary: join(dir, "canary"),
			secret: join(hostDir, "secret.txt"),
		};
		// compiled once and handed to each worker, as the sandbox process does
		const compiled = await (
			globalThis as unknown as {
				WebAssembly: {
					compile(bytes: Uint8Array): Promise<WebAssembly.Module>;
				};
			}
		).WebAssembly.compile(
			await readFile(
				createRequire(import.meta.url).resolve("pyodide/pyodide.asm.wasm"),
			),
		);
		let worker = await startPythonWorker(launch.workers.python, compiled);
		const starts: StartedFrom[] = [worker.startedFrom];
		// as the sandbox does: a run that left what the guard cannot undo gets a fresh worker
		const run = async (code: string) => {
			const outcome = await worker.run(code);
			if (outcome.recycle) {
				await worker.stop();
				worker = await startPythonWorker(launch.workers.python, compiled);
				starts.push(worker.startedFrom);
			}
			return outcome;
		};
		try {
			for (const [, snippet] of ESCAPES) {
				const outcome = await run(snippet(hostDir));
				expect(outcome.stdout).not.toContain("REACHED");
				expect(outcome.stdout).not.toContain(SECRET);
			}
			for (const [, snippet, ending] of HOST_REACH.slice(0, 6)) {
				const outcome = await run(snippet(paths));
				expect(outcome.status).toBe("error");
				expect("error" in outcome && outcome.error).toMatch(ending);
			}
			expect(existsSync(paths.canary)).toBe(false);
			for (const [tamper, check, expected] of TAMPERING.slice(0, 8)) {
				await run(tamper);
				expect(await run(check)).toMatchObject({
					status: "ok",
					stdout: expected,
				});
			}
			expect(
				await run(
					"import os, sys\nprint(os.environ.get('_'), sys.executable, sys.orig_argv, os.environ.get('HOME'))",
				),
			).toMatchObject({
				status: "ok",
				stdout:
					"./this.program /home/pyodide/this.program ['./this.program'] /home/pyodide\n",
			});
			expect(new Set(starts)).toEqual(new Set(["snapshot"]));
		} finally {
			await worker.stop();
		}
	});

	it("is what the sandbox process's workers start from, the isolated ones and their successors too", async () => {
		const worker = await startPythonWorker(launch.workers.python);
		const fromSnapshot = await worker.run(HASH);
		await worker.stop();
		// each isolated run has an interpreter of its own: the same seed means the same snapshot
		for (const isolated of [true, true, false])
			expect(await sandbox.run("python", HASH, { isolated })).toMatchObject({
				status: "ok",
				stdout: fromSnapshot.stdout,
			});
	});

	it("loads Pyodide as usual when the snapshot file is not the one its maker recorded", async () => {
		const url = new URL(launch.workers.python);
		const original = url.searchParams.get("snapshot") ?? "";
		const bytes = await readFile(original);
		// one byte of the heap changed, past Pyodide's header
		bytes[bytes.length - 1024] = (bytes.at(-1024) ?? 0) ^ 0xff;
		const tampered = join(hostDir, "tampered.snapshot");
		await writeFile(tampered, bytes);
		url.searchParams.set("snapshot", tampered);
		const worker = await startPythonWorker(url.href);
		try {
			expect(worker.startedFrom).toBe("load");
			expect(await worker.run("print(6 * 7)")).toMatchObject({
				status: "ok",
				stdout: "42\n",
			});
			expect((await worker.run(HASH)).stdout).not.toBe(
				(await sandbox.run("python", HASH)).stdout,
			);
		} finally {
			await worker.stop();
		}
	});
});
