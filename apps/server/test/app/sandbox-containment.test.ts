import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGenerator, type Generator } from "@app/generator";
import { completion, runReal, sandboxProcessIds } from "@app/generator/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import {
	newUserId,
	useTestContext,
	waitUntilWarm,
} from "../helpers/build-test-app.js";
import { modelApp, useFakeModel } from "../helpers/fake-model.js";
import { generate, myHistory, quotaOf } from "../helpers/practice.js";
import { health } from "../helpers/system.js";
import { ENGINES } from "../helpers/test-db.js";

// The server's own secrets, as a deployment holds them: in its environment and in a file.
const API_KEY = "sk-canary-5e1b0c7a93d24f68";
const SECRET = "file-canary-8c2d41f7";
let canaryDir = "";

beforeAll(async () => {
	canaryDir = await mkdtemp(join(tmpdir(), "containment-"));
	await writeFile(join(canaryDir, "secret.txt"), SECRET);
	process.env.OPENAI_API_KEY = API_KEY;
});
afterAll(async () => {
	delete process.env.OPENAI_API_KEY;
	await rm(canaryDir, { recursive: true, force: true });
});

/** What a snippet must never create, and the file whose content it must never print. */
const paths = () => ({
	canary: join(canaryDir, "created"),
	secret: join(canaryDir, "secret.txt"),
});

/**
 * Attacks of one kind in one snippet (each Python draft costs a fresh interpreter): each runs in
 * its own try block and prints one short line, so the snippet ends with a harmless result.
 */
const python = (attacks: Record<string, string>) =>
	[
		"import os, sys",
		...Object.entries(attacks).flatMap(([name, attack]) => [
			"try:",
			...attack.split("\n").map((line) => `    ${line}`),
			`    print(${JSON.stringify(name)}, "ran")`,
			"except BaseException as error:",
			`    print(${JSON.stringify(name)}, "stopped:", type(error).__name__)`,
		]),
	].join("\n");

const PYTHON_CORPUS: [string, (p: ReturnType<typeof paths>) => string][] = [
	[
		"process creation",
		(p) =>
			python({
				system: `os.system("touch ${p.canary}")`,
				popen: `os.popen("touch ${p.canary}").read()`,
				subprocess: `import subprocess\nsubprocess.run(["touch", "${p.canary}"])`,
				posix_spawn: `os.posix_spawn("/usr/bin/touch", ["touch", "${p.canary}"], {})`,
				spawnv: `os.spawnv(os.P_WAIT, "/usr/bin/touch", ["touch", "${p.canary}"])`,
				execv: `os.execv("/usr/bin/touch", ["touch", "${p.canary}"])`,
			}),
	],
	[
		"exit-code and timing side channels on the server's API key",
		() =>
			python({
				exit_codes: `leaked = ""\nfor i in range(1, 30):\n    code = os.system(f"exit $(printenv OPENAI_API_KEY | cut -c{i} | od -An -tu1)") >> 8\n    if code <= 0 or code > 127:\n        break\n    leaked += chr(code)\nprint("leaked", leaked)`,
				timing: `import time\nstarted = time.time()\nos.system('[ "$(printenv OPENAI_API_KEY | cut -c1-3)" = "sk-" ] && sleep 1')\nprint("slow" if time.time() - started > 0.5 else "fast")`,
			}),
	],
	[
		"the JavaScript host: _imp.create_builtin of Pyodide's core module (to node:fs and node:sqlite), import js, pyodide_js",
		(p) =>
			python({
				create_builtin: `import _imp\nfrom importlib.machinery import ModuleSpec\ncore = _imp.create_builtin(ModuleSpec("_pyodide_core", None))\nrun = core.to_js([]).constructor.constructor("return (p) => process.getBuiltinModule('fs').writeFileSync(p, '')")()\nrun("${p.canary}")`,
				// node:sqlite writes files that Node 22's permission model does not check
				sqlite: `import _imp\nfrom importlib.machinery import ModuleSpec\ncore = _imp.create_builtin(ModuleSpec("_pyodide_core", None))\ncreate = core.to_js([]).constructor.constructor("return (p) => new (process.getBuiltinModule('node:sqlite').DatabaseSync)(p).exec('create table t (x)')")()\ncreate("${p.canary}")`,
				js: "import js\nprint(js.process.env.OPENAI_API_KEY)",
				pyodide_js: `import pyodide_js\npyodide_js.mountNodeFS("/mnt", "${canaryDir}")\nprint(open("/mnt/secret.txt").read())`,
			}),
	],
	[
		"the host's files and environment",
		(p) =>
			python({
				secret_file: `print(open("${p.secret}").read())`,
				proc_environ: `print(open("/proc/self/environ").read())`,
				environ: 'print(os.environ["OPENAI_API_KEY"])',
			}),
	],
];

const JS_CORPUS: [string, (p: ReturnType<typeof paths>) => string][] = [
	[
		"process",
		() =>
			"console.log(typeof process.env, typeof process.binding, typeof process.mainModule, Object.keys(process))",
	],
	[
		"require",
		(p) =>
			`try { require("child_process").execSync("touch ${p.canary}") } catch (error) { console.log("stopped:", error.name) }`,
	],
	[
		'import("os") and import("std")',
		() =>
			'Promise.all([import("os"), import("std"), import("node:fs")]).then((m) => console.log(m.length), (error) => console.log("stopped:", error.name))',
	],
	[
		"the Function constructor to the global object",
		(p) =>
			`const g = Function("return this")();\nconst c = [].constructor.constructor("return globalThis")();\nconsole.log(typeof g.process?.env, typeof c.require, typeof g.__host, Object.keys(g).length > 0);\ntry { g.process.binding("fs") } catch (error) { console.log("stopped:", error.name) }\ntry { g.require("fs").writeFileSync("${p.canary}", "") } catch (error) { console.log("stopped:", error.name) }\ntry { new (g.process.getBuiltinModule("node:sqlite").DatabaseSync)("${p.canary}") } catch (error) { console.log("stopped:", error.name) }`,
	],
];

/** Snippets safe to run with the machine's real node: their served answer must be what it prints. */
const FORGERIES = [
	[
		"JSON.stringify replaced",
		"JSON.stringify = () => '\"forged\"';\nconsole.log({ a: 1 }, [1, 2]);",
	],
	[
		"Object.prototype.toString and Array.prototype.join replaced",
		'Object.prototype.toString = () => "forged";\nArray.prototype.join = () => "forged";\nconsole.log([1, [2, 3]], { b: [4] });',
	],
	[
		"String and Symbol.toPrimitive replaced",
		'globalThis.String = () => "forged";\nObject.prototype[Symbol.toPrimitive] = () => "forged";\nconsole.log(1, "two", [3]);\nprocess.stdout.write("written\\n");',
	],
	[
		"console itself replaced",
		'const log = console.log;\nconsole.log = (...args) => log("forged", ...args);\nconsole = { log: () => {} };\nconsole.log("hidden");\nlog("shown");',
	],
] as const;

const draft = (code: string) => ({
	title: "What does this code print?",
	code,
	options: ["done", "stopped", "forged", "nothing"],
	correct_answer_id: 0,
	explanation: "The model's explanation.",
	asks_for_output: true,
});

describe.each(ENGINES)("hostile snippets from the model on %s", (engine) => {
	const context = useTestContext(engine);
	const model = useFakeModel();
	// the model generator as the server makes it from its config; its sandbox process serves every
	// test of the block, so each isolated Python run finds its fresh interpreter warming already
	let generator: Generator;
	beforeAll(() => {
		generator = createGenerator({
			kind: "openai",
			openai: loadConfig({
				GENERATOR: "openai",
				OPENAI_BASE_URL: model.fake.url,
				OPENAI_API_KEY: API_KEY,
				OPENAI_MODEL: "fake-model",
				OPENAI_TIMEOUT_MS: "2000",
			}).generator.openai,
		});
	});
	afterAll(() => generator.close());
	beforeEach(async () => {
		for (const name of await readdir(canaryDir))
			if (name !== "secret.txt")
				await rm(join(canaryDir, name), { recursive: true });
	});

	const llmApp = () => modelApp(context, model, { generator });

	/** Serves the snippet as every draft the model is asked for, then checks what was reachable. */
	async function serveHostile(language: string, code: string) {
		model.fake.reply(
			...Array.from({ length: 3 }, () => completion(draft(code))),
		);
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		const response = await generate(t, headers, {
			difficulty: "easy",
			language,
		});
		const history = await myHistory(t, headers);
		expect([200, 502, 503]).toContain(response.statusCode);
		expect(await readdir(canaryDir)).toEqual(["secret.txt"]);
		for (const text of [response.body, history.body]) {
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(API_KEY);
			expect(text).not.toContain(API_KEY.slice(3, 12));
		}
		// still serving: healthy once its sandboxes are warm
		await waitUntilWarm(t.app);
		expect((await health(t)).statusCode).toBe(200);
		return response;
	}

	it.each(PYTHON_CORPUS)(
		"contains Python's %s",
		async (_name, snippet) => {
			const response = await serveHostile("python", snippet(paths()));
			// whatever was served is what the snippet printed: every attack stopped
			if (response.statusCode === 200 && response.json().verified)
				expect(
					response.json().options[response.json().correct_answer_id],
				).not.toMatch(/ ran$|leaked \S|slow/m);
		},
		30_000,
	);

	it.each(JS_CORPUS)("contains JavaScript's %s", async (_name, snippet) => {
		await serveHostile("javascript", snippet(paths()));
	});

	it.each(FORGERIES)(
		"serves what real node prints, or no verified answer, when %s",
		async (_name, code) => {
			const response = await serveHostile("javascript", code);
			const challenge = response.json();
			if (response.statusCode === 200 && challenge.verified) {
				const printed = (await runReal("javascript", code)).replace(/\n$/, "");
				expect(challenge.options[challenge.correct_answer_id]).toBe(printed);
			}
		},
	);
});

describe("a sandbox process that dies or hangs during a generation", () => {
	const context = useTestContext("pglite");
	const model = useFakeModel();
	const llmApp = () => modelApp(context, model, { env: { QUOTA_INITIAL: 3 } });
	const good = completion(draft('console.log("done")'));
	const easyJavaScript = { difficulty: "easy", language: "javascript" };

	/** Warms the app's sandbox, then sends `signal` to its process as the model is asked for a draft. */
	async function signalDuringGeneration(signal: NodeJS.Signals) {
		const t = await llmApp();
		const headers = await t.auth(newUserId());
		model.fake.reply(good);
		expect((await generate(t, headers, easyJavaScript)).statusCode).toBe(200);
		const sandboxes = sandboxProcessIds();
		expect(sandboxes).toHaveLength(1);
		const [sandbox] = sandboxes as [number];
		model.fake.reply(() => {
			process.kill(sandbox, signal);
			return good;
		});
		const response = await generate(t, headers, easyJavaScript);
		return { t, headers, response, sandbox };
	}

	it("answers 503 generator_unavailable when the process hangs, gives the unit back, and serves from a new process", async () => {
		const { t, headers, response, sandbox } =
			await signalDuringGeneration("SIGSTOP");
		expect(response.statusCode).toBe(503);
		expect(response.json()).toEqual({
			detail: expect.any(String),
			code: "generator_unavailable",
		});
		expect(await quotaOf(t, headers)).toBe(2);
		model.fake.reply(good);
		expect((await generate(t, headers, easyJavaScript)).statusCode).toBe(200);
		expect(sandboxProcessIds()).not.toContain(sandbox);
	}, 30_000);

	// whether the run in flight reaches the dead process or its successor depends on when the exit
	// is noticed: either way, no 500, the unit is accounted for, and the next run is served
	it("recovers from a killed process: the generation is served or answered 503 with the unit back", async () => {
		const { t, headers, response, sandbox } =
			await signalDuringGeneration("SIGKILL");
		expect([200, 503]).toContain(response.statusCode);
		expect(await quotaOf(t, headers)).toBe(response.statusCode === 200 ? 1 : 2);
		model.fake.reply(good);
		expect((await generate(t, headers, easyJavaScript)).statusCode).toBe(200);
		expect(sandboxProcessIds()).not.toContain(sandbox);
		// still serving: healthy once its sandboxes are warm
		await waitUntilWarm(t.app);
		expect((await health(t)).statusCode).toBe(200);
	});
});
