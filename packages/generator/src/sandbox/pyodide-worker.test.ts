import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "./sandbox.js";

const sandbox = createSandbox({ timeoutMs: 5000, memoryMb: 48 });
const SECRET = "host-secret-7f3a";
let hostDir = "";

beforeAll(async () => {
	hostDir = await mkdtemp(join(tmpdir(), "sandbox-host-"));
	await writeFile(join(hostDir, "secret.txt"), SECRET);
});
afterAll(async () => {
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
