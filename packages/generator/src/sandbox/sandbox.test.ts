import { afterAll, describe, expect, it } from "vitest";
import { runReal } from "../../test/real-interpreters.js";
import { MAX_OUTPUT_CHARS } from "./protocol.js";
import { createSandbox } from "./sandbox.js";

const sandbox = createSandbox({ timeoutMs: 1500, memoryMb: 48 });
afterAll(() => sandbox.close());

const JS_CORPUS = [
	"console.log([1, 2, 3], [], {}, { a: 1, b: 'x' }, [[1, [2, [3, [4]]]]])",
	"console.log({ a: { b: { c: { d: 1 } } } }, [{ x: [{ y: 1 }] }])",
	"console.log(new Map([['a', 1], [{ k: 1 }, [2]]]), new Set([1, 'two', [3]]), new Map(), new Set())",
	"class A {}\nclass B extends A { constructor() { super(); this.x = 1; } }\nconsole.log(new B(), B, A, new A())",
	"function f() {}\nconsole.log(f, () => 1, async function g() {}, function* h() {}, class {}, [f])",
	"console.log(-0, [-0], 0.1 + 0.2, 1e21, 1n, Symbol('s'), Symbol(), null, undefined, NaN, -Infinity)",
	"const a = [1];\na.push(a);\nconst o = { name: 'o' };\no.self = o;\nconsole.log(a, o)",
	"console.log(Array.from({ length: 30 }, (_, i) => i * 3))",
	"console.log(Array.from({ length: 120 }, (_, i) => i))",
	"console.log(['apple', 'banana', 'cherry', 'dragonfruit', 'elderberry', 'fig', 'grape', 'honeydew'])",
	"console.log({ 'a-b': 1, get g() { return 1; }, set s(v) {}, [Symbol('k')]: 2, 3: 'three' })",
	"console.log([, 1, , ], 'it\\'s', ['it\\'s', 'say \"hi\"', `both ' \"`], 'a\\nb', ['a\\nb'])",
	"console.log('%s has %d items', 'cart', 3, 'extra')",
	"console.log(Object.create(null), new Date(0), /ab+c/gi, [new Date(86400000)])",
	"console.log({ longPropertyNameNumberOne: 'some long value', longPropertyNameNumberTwo: 'another long value' })",
	"setTimeout(() => console.log('timeout 10'), 10)\nsetTimeout(() => console.log('timeout 0'), 0)\nPromise.resolve().then(() => console.log('micro'))\nprocess.nextTick(() => console.log('tick'))\nqueueMicrotask(() => console.log('queued'))\nconsole.log('sync')",
	"async function f() { console.log('in f'); await null; console.log('after await'); }\nf().then(() => console.log('then'));\nconsole.log('end of script')",
	"var name = 'global';\nconst obj = { name: 'obj', regular() { return this.name; }, arrow: () => typeof this };\nconst loose = obj.regular;\nconsole.log(obj.regular(), obj.arrow(), this, typeof loose)",
	"for (var i = 0; i < 3; i++) setTimeout(() => process.stdout.write(i + ' '), 0)\nfor (let j = 0; j < 3; j++) setTimeout(() => process.stdout.write(j + ' '), 0)\nsetTimeout(() => console.log(), 0)",
	"const m = new Map(); m.set('self', m); console.log(m, [1, 2, 3].map(String), typeof null)",
	// biome-ignore lint/suspicious/noTemplateCurlyInString: the snippet itself uses a template literal
	"console.log(String([1, [2, 3]]), [1, 2] + [3], `${{}}`, JSON.stringify({ a: [1, { b: 2 }] }))",
	"console.log([0.1 * 3, 1 / 3, 2 ** 53 + 1, (123.456).toFixed(1), parseInt('08'), 0.1 + 0.7])",
];

const PY_CORPUS = [
	"print([1, 2, 3], {'a': 1, 'b': [2, 3]}, (1,), 7 / 2, 7 // 2, -7 // 2, 2 ** 100)",
	"print(0.1 + 0.2, 1e16, 1.0, round(2.5), round(3.5), divmod(-7, 2), 10 % -3)",
	"print('it\\'s', repr('it\\'s'), repr('say \"hi\"'), ['a\\nb'], {1, 2, 3}, frozenset())",
	"x = [1, 2]\ny = x\ny.append(3)\nprint(x, y is x, x == [1, 2, 3])",
	"def f(a, items=[]):\n    items.append(a)\n    return items\nprint(f(1), f(2))",
	"print(sorted({'b': 2, 'a': 1}.items()), list(range(5))[::-2], 'abcdef'[1:-1:2])",
	"try:\n    print('try')\n    raise ValueError('boom')\nexcept ValueError as e:\n    print('caught', e)\nfinally:\n    print('finally')",
	"class A:\n    def __repr__(self):\n        return 'A()'\nprint([A(), None, True], type(A()).__name__)",
];

describe("sandbox", () => {
	it.each(JS_CORPUS)("prints what node prints for %j", async (code) => {
		const result = await sandbox.run("javascript", code);
		expect(result).toMatchObject({ status: "ok", exact: true });
		expect(result.stdout).toBe(await runReal("javascript", code));
	});

	it.each(PY_CORPUS)("prints what python3 prints for %j", async (code) => {
		const result = await sandbox.run("python", code);
		expect(result).toMatchObject({ status: "ok", exact: true });
		expect(result.stdout).toBe(await runReal("python", code));
	});

	it("marks output it cannot reproduce exactly as inexact", async () => {
		const result = await sandbox.run(
			"javascript",
			"console.log(new Error('boom'), Promise.resolve(1))",
		);
		expect(result).toMatchObject({ status: "ok", exact: false });
	});

	it.each([
		["javascript", "while (true) {}"],
		["python", "while True:\n    pass"],
		[
			"python",
			"while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
		],
		["javascript", "setInterval(() => {}, 1)"],
	] as const)(
		"stops a runaway %s snippet and keeps serving (%j)",
		async (language, code) => {
			const stopped = await sandbox.run(language, code, { timeoutMs: 300 });
			expect(stopped.status).toBe("timeout");
			const next = await sandbox.run(
				language,
				"print(6 * 7)".replace(
					"print",
					language === "python" ? "print" : "console.log",
				),
			);
			expect(next).toMatchObject({ status: "ok", stdout: "42\n" });
		},
	);

	it.each([
		["python", "blocks = []\nwhile True:\n    blocks.append(bytearray(10**6))"],
		["python", "x = 'a' * (10**9)"],
		[
			"javascript",
			"const a = [];\nfor (let i = 0; i < 1000; i++) a.push(new Array(1e5).fill(1));\nconsole.log(a.length);",
		],
		// repeat() builds the whole string; `s + s` would only build a rope, which allocates nothing
		["javascript", "let s = 'xxxxxxxxxx';\nwhile (true) s = s.repeat(2);"],
		[
			"javascript",
			"const kept = [];\nwhile (true) kept.push('x'.repeat(1e6) + kept.length);",
		],
		[
			"javascript",
			"const blocks = [];\nwhile (true) blocks.push({ payload: [1, 2, 3, 4, 5, 6, 7, 8] });",
		],
	] as const)(
		"stops a %s memory bomb with a memory error and keeps serving (%j)",
		async (language, code) => {
			const stopped = await sandbox.run(language, code);
			expect(stopped).toMatchObject({ status: "memory", stdout: "" });
			const next = await sandbox.run(
				language,
				language === "python" ? "print('alive')" : "console.log('alive')",
			);
			expect(next).toMatchObject({ status: "ok", stdout: "alive\n" });
		},
	);

	it("lets a JavaScript snippet that stays under the memory limit finish", async () => {
		const result = await sandbox.run(
			"javascript",
			"const a = [];\nfor (let i = 0; i < 20; i++) a.push(new Array(1e5).fill(1));\nconsole.log(a.length);",
		);
		expect(result).toMatchObject({ status: "ok", stdout: "20\n" });
	});

	it.each([
		"import js\nprint(js.process.pid)",
		"import pyodide_js",
		"from pyodide.code import run_js\nrun_js('process.exit(1)')",
		"import importlib\nimportlib.import_module('js')",
	])(
		"keeps a Python snippet away from the JavaScript host (%j)",
		async (code) => {
			const result = await sandbox.run("python", code);
			expect(result).toMatchObject({ status: "error" });
			expect(result.status === "error" && result.error).toMatch(
				/^(ImportError|ModuleNotFoundError)/,
			);
		},
	);

	it("gives a JavaScript snippet no require, no real process and no network", async () => {
		const result = await sandbox.run(
			"javascript",
			"console.log(typeof require, typeof process.exit, typeof process.env, typeof fetch, typeof XMLHttpRequest)",
		);
		expect(result).toMatchObject({
			status: "ok",
			stdout: "undefined undefined undefined undefined undefined\n",
		});
	});

	it("reports an uncaught exception with the output printed before it", async () => {
		const result = await sandbox.run("python", "print('before')\n1 / 0");
		expect(result).toMatchObject({
			status: "error",
			stdout: "before\n",
			error: "ZeroDivisionError: division by zero",
		});
	});

	it.each([
		["python", "print('a')\n{}['k']", "a\n", "KeyError"],
		[
			"python",
			"class Overdrawn(Exception):\n    def __str__(self):\n        raise ValueError\nprint(1)\nraise Overdrawn()",
			"1\n",
			"Overdrawn",
		],
		[
			"python",
			"try:\n    {}['k']\nfinally:\n    print('f')\n    x = 1 + 'a'",
			"f\n",
			"TypeError",
		],
		["javascript", "console.log(1)\nnull.x", "1\n", "TypeError"],
		["javascript", "{ x; let x = 1 }", "", "ReferenceError"],
		["javascript", "setTimeout(() => new Array(-1), 0)", "", "RangeError"],
		[
			"javascript",
			"class Invalid extends Error { constructor(m) { super(m); this.name = 'Invalid' } }\nthrow new Invalid('no')",
			"",
			"Invalid",
		],
		[
			"javascript",
			"class Plain extends Error {}\nthrow new Plain()",
			"",
			"Error",
		],
	] as const)(
		"names the type of the exception that escaped a %s snippet (%j)",
		async (language, code, stdout, raised) => {
			const result = await sandbox.run(language, code);
			expect(result).toMatchObject({
				status: "error",
				stdout,
				raised,
				exact: true,
			});
		},
	);

	it.each([
		"throw 42",
		"throw { name: 'TypeError', message: 'forged' }",
		"throw Object.create(TypeError.prototype, { name: { get() { return 'Got'; } } })",
		"throw new Proxy(new TypeError('p'), {})",
	])(
		"names no type for a thrown JavaScript value that is not a plain Error (%j)",
		async (code) => {
			const result = await sandbox.run("javascript", code);
			expect(result.status).toBe("error");
			expect(result).not.toHaveProperty("raised");
		},
	);

	it("marks the output before a JavaScript exception inexact when it holds an Error", async () => {
		const result = await sandbox.run(
			"javascript",
			"console.log(new Error('shown'))\nnull.x",
		);
		expect(result).toMatchObject({
			status: "error",
			raised: "TypeError",
			exact: false,
		});
	});

	it.each([
		[
			"javascript",
			"for (let i = 0; ; i++) console.log('line'.repeat(100), i)",
			"error",
		],
		["javascript", "for (;;) process.stdout.write('x'.repeat(10000))", "error"],
		[
			"python",
			"i = 0\nwhile True:\n    print('line' * 100, i)\n    i += 1",
			"error",
		],
		// the snippet catches the interrupt that ends the run: whether one lands outside its `try`
		// before the deadline's kill is a matter of timing, so either ending is right
		[
			"python",
			"import sys\nwhile True:\n    try:\n        sys.stdout.write('x' * 10000)\n    except BaseException:\n        pass",
			"error or timeout",
		],
	] as const)(
		"stops a %s snippet that prints without end at the output limit, and keeps serving (%j)",
		async (language, code, status) => {
			const result = await sandbox.run(language, code, { timeoutMs: 3000 });
			expect(status.split(" or ")).toContain(result.status);
			if (result.status === "error")
				expect(result.error).toBe("output limit exceeded");
			expect(result.stdout.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
			const next = await sandbox.run(
				language,
				language === "python" ? "print('next')" : "console.log('next')",
			);
			expect(next).toMatchObject({ status: "ok", stdout: "next\n" });
		},
	);

	it("runs each snippet in a fresh namespace", async () => {
		await sandbox.run("python", "leaked = 1\nimport json");
		const result = await sandbox.run(
			"python",
			"print('leaked' in globals(), 'json' in globals())",
		);
		expect(result).toMatchObject({ status: "ok", stdout: "False False\n" });
	});
});
