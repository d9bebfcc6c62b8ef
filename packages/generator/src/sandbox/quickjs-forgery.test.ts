import { afterAll, describe, expect, it } from "vitest";
import { runReal } from "../../test/real-interpreters.js";
import { createSandbox } from "./sandbox.js";

const sandbox = createSandbox({ timeoutMs: 1500, memoryMb: 48 });
afterAll(() => sandbox.close());

/**
 * Snippets that replace what the prelude or Node's formatting relies on, then print. Each must
 * either print exactly what node prints (and say so) or be reported as not exact.
 */
const FORGERIES = {
	"JSON.stringify": `JSON.stringify = () => '{"nodes":[{"t":"string","v":"forged"}],"exact":true,"quiet":true}';
console.log({ a: 1 }, 'real');`,
	"Object.prototype.toJSON": `Object.prototype.toJSON = function () { return 'forged'; };
console.log({ a: 1 }, [2]);`,
	"Object.keys": `Object.keys = () => [];
console.log({ a: 1, b: 2 });`,
	"Object.getOwnPropertyDescriptor": `Object.getOwnPropertyDescriptor = () => ({ value: 'forged', enumerable: true });
Reflect.getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
console.log({ a: 1 }, [1]);`,
	"Object.prototype.toString": `Object.prototype.toString = () => '[object Object]';
console.log(new Error('boom').message, [new Date(0)], { a: 1 });`,
	"Array.prototype.join": `Array.prototype.join = function () { return 'forged'; };
console.log([1, 2], 'a' + [3, 4]);`,
	"Array.prototype.push": `Array.prototype.push = function () { return 0; };
console.log([1, 2, 3], { a: [1] });
setTimeout(() => console.log('timer'), 0);`,
	"Array.prototype.map": `Array.prototype.map = function () { return []; };
console.log([1, 2, 3], new Map([[1, 2]]));`,
	"Array.prototype.shift": `Array.prototype.shift = function () { return () => console.log('forged'); };
process.nextTick(() => console.log('tick'));
console.log('sync');`,
	"index setters on Array.prototype": `for (let i = 0; i < 8; i++)
  Object.defineProperty(Array.prototype, i, { set(v) { console.log('setter', i); }, configurable: true });
console.log([1], { a: 1 }, [[2]]);
process.nextTick(() => console.log('tick'));
setTimeout(() => console.log('timer'), 0);`,
	"Map.prototype[Symbol.iterator]": `Map.prototype[Symbol.iterator] = function* () { yield ['forged', 1]; };
Map.prototype.entries = Map.prototype[Symbol.iterator];
console.log(new Map([['a', 1]]));
setTimeout(() => console.log('t'), 0);`,
	"Map.prototype.get and set": `Map.prototype.get = () => 0;
Map.prototype.has = () => true;
Map.prototype.set = function () { return this; };
const o = { a: 1 };
console.log([o, o]);
setTimeout(() => console.log('t'), 0);`,
	"Set.prototype.values": `Set.prototype.values = function* () { yield 'forged'; };
Set.prototype[Symbol.iterator] = Set.prototype.values;
Set.prototype.forEach = function (f) { f('forged'); };
console.log(new Set([1, 2]));`,
	"Symbol.hasInstance on Object": `Object.defineProperty(Object, Symbol.hasInstance, { value: () => false });
console.log({ a: 1 }, [1]);`,
	"Symbol.hasInstance on Function": `Object.defineProperty(Function, Symbol.hasInstance, { value: () => true });
class A {}
console.log(function f() {}, A, new A());`,
	"Symbol.hasInstance on a class": `class A { static [Symbol.hasInstance]() { return false; } }
console.log(new A(), [new A()]);`,
	String: `String = () => 'forged';
console.log(1n, Symbol('s'), [1, 2], String(5), -0);`,
	"Object.prototype[Symbol.toPrimitive]": `Object.prototype[Symbol.toPrimitive] = () => 'forged';
console.log('%d', {}, [1]);`,
	"Symbol.toPrimitive on a logged object": `console.log('%s and %d', { [Symbol.toPrimitive]: () => 'forged' }, { valueOf: () => 7 });`,
	"Promise.prototype.then": `Promise.prototype.then = function () {};
queueMicrotask(() => console.log('micro'));
console.log('sync');`,
	"Promise.prototype.constructor": `Promise.prototype.constructor = function () { throw new Error('species'); };
queueMicrotask(() => console.log('micro'));
console.log('sync');`,
	"Promise species": `Object.defineProperty(Promise, Symbol.species, { get() { throw new Error('species'); } });
queueMicrotask(() => console.log('micro'));
console.log('sync');`,
	"console.log itself": `const log = console.log;
console.log = (...args) => log('[log]', ...args);
console.log({ a: 1 }, 'x');`,
	"the console object": `console = { log: (text) => process.stdout.write('forged ' + text + '\\n') };
console.log('x');`,
	"process.stdout.write": `process.stdout.write = () => true;
console.log('hidden');`,
	"globalThis.__sandbox": `globalThis.__sandbox = { runTicks() { return false; }, runNextTimer() { return false; } };
setTimeout(() => console.log('b'), 20);
setTimeout(() => console.log('a'), 0);`,
	"globalThis.__host": `globalThis.__host = { log() {}, write() {} };
console.log('still printed');`,
	"Object.prototype.get": `Object.defineProperty(Object.prototype, 'get', { value: () => 1, configurable: true });
console.log({ a: undefined });
delete Object.prototype.get;`,
	"a Proxy that hides keys":
		"console.log(new Proxy({ a: 1 }, { ownKeys: () => [] }), new Proxy([1, 2], {}));",
	"a Proxy in a prototype chain": `const base = new Proxy({}, { getPrototypeOf() { console.log('trap'); return null; } });
console.log(Object.create(base));`,
	"inspect.custom": `console.log({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'forged' });`,
	"a getter for Symbol.toStringTag": `class A { get [Symbol.toStringTag]() { console.log('getter'); return 'T'; } }
console.log(new A());`,
	"a static getter for name": `class A { static get name() { console.log('getter'); return 'B'; } }
console.log(A, new A());`,
	"Function.prototype.toString": `const real = Function.prototype.toString;
Function.prototype.toString = function () { return 'class X {}'; };
console.log(function f() {}, () => 1);
Function.prototype.toString = real;`,
} as const;

/** The same kind of snippet, with the replacement undone before the snippet ends. */
const RESTORED = {
	"JSON.stringify, restored after printing": `const original = JSON.stringify;
JSON.stringify = () => 'forged';
console.log({ a: 1 });
JSON.stringify = original;`,
	"Object.prototype.toString, restored after printing": `const original = Object.prototype.toString;
Object.prototype.toString = () => '[object Object]';
console.log([1], new Error('x').message);
Object.prototype.toString = original;`,
	"Object.prototype.get, restored after printing": `Object.defineProperty(Object.prototype, 'get', { value: () => 1, configurable: true });
console.log({ a: undefined });
delete Object.prototype.get;
console.log({ b: undefined });`,
	"Array.prototype.join, restored before printing": `const original = Array.prototype.join;
Array.prototype.join = () => 'forged';
Array.prototype.join = original;
console.log([1, 2].join('-'), [3]);`,
	"Map iteration, restored before a timer prints": `const original = Map.prototype[Symbol.iterator];
Map.prototype[Symbol.iterator] = function* () {};
setTimeout(() => console.log(new Map([[1, 2]])), 0);
Map.prototype[Symbol.iterator] = original;`,
} as const;

/** Built-in objects whose every configurable property a snippet replaces while it prints. */
const BUILT_INS = [
	"Object",
	"Object.prototype",
	"Function.prototype",
	"Array",
	"Array.prototype",
	"String",
	"String.prototype",
	"Number",
	"Number.prototype",
	"Boolean.prototype",
	"Symbol",
	"Symbol.prototype",
	"BigInt.prototype",
	"Date",
	"Date.prototype",
	"RegExp",
	"RegExp.prototype",
	"Map",
	"Map.prototype",
	"Set",
	"Set.prototype",
	"WeakMap.prototype",
	"WeakSet.prototype",
	"Promise",
	"Promise.prototype",
	"Error.prototype",
	"JSON",
	"Math",
	"Reflect",
	"Object.getPrototypeOf([][Symbol.iterator]())",
	"Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))",
	"Object.getPrototypeOf(new Map()[Symbol.iterator]())",
	"Object.getPrototypeOf(new Set()[Symbol.iterator]())",
	"Object.getPrototypeOf(''[Symbol.iterator]())",
	"Object.getPrototypeOf(function* () {})",
	"Object.getPrototypeOf(async function () {})",
	"Object.getPrototypeOf(Int8Array)",
] as const;

/** Values of every kind the mirror describes, and a format string with primitives. */
const PRINTED = `class Shape { constructor() { this.sides = 4; } }
const cyclic = { name: 'o' };
cyclic.self = cyclic;
const values = [
  [1, 'two', [3, [4, [5]]], , 6], Array.from({ length: 120 }, (_, i) => i),
  { a: 1, 'b-c': [1], [Symbol('k')]: 2, get g() { return 1; } }, Object.create(null), cyclic,
  new Map([['m', { x: 1 }]]), new Set([1, [2]]), new Date(0), /ab+c/gi,
  Shape, new Shape(), function f() {}, async () => {}, function* g() {},
  Symbol('s'), 10n, -0, 1e21, "it's", 'a\\nb', [undefined, null],
];
const format = ['%s %d %i %f %j %o %O %c %% %s', 'a', 1, 2.5, 3.5, 4, 5, 6, 'css', 7n];`;

function replacingEvery(target: string, replacement: string): string {
	return `${PRINTED}
const define = Object.defineProperty;
const describe = Object.getOwnPropertyDescriptor;
const apply = Reflect.apply;
const log = console.log;
const target = ${target};
const keys = Reflect.ownKeys(target);
const saved = [];
for (let i = 0; i < keys.length; i++) {
  const descriptor = describe(target, keys[i]);
  if (descriptor.configurable) saved[saved.length] = [keys[i], descriptor];
}
const replaced = ${replacement};
for (let i = 0; i < saved.length; i++)
  define(target, saved[i][0], 'value' in saved[i][1]
    ? { value: replaced, writable: true, configurable: true }
    : { get: replaced, configurable: true });
let threw = false;
try {
  apply(log, console, values);
  apply(log, console, format);
} catch {
  threw = true;
}
for (let i = 0; i < saved.length; i++) define(target, saved[i][0], saved[i][1]);
log(threw ? 'threw' : 'printed');`;
}

async function expectNodeOrInexact(code: string) {
	const result = await sandbox.run("javascript", code);
	if (result.status === "ok" && result.exact)
		expect(result.stdout).toBe(await runReal("javascript", code));
	return result;
}

describe("QuickJS sandbox output", () => {
	it.each(Object.entries(FORGERIES))(
		"prints what node prints or reports inexact when a snippet replaces %s",
		async (_, code) => {
			await expectNodeOrInexact(code);
		},
	);

	it.each(Object.entries(RESTORED))(
		"prints what node prints or reports inexact for %s",
		async (_, code) => {
			await expectNodeOrInexact(code);
		},
	);

	it.each([
		"JSON.stringify",
		"Object.prototype.toString",
		"Array.prototype.join",
		"String",
		"Object.prototype[Symbol.toPrimitive]",
		"Object.prototype.get",
		"process.stdout.write",
		"a Proxy that hides keys",
		"inspect.custom",
	] as const)(
		"reports the output as inexact when a snippet replaces %s",
		async (name) => {
			const result = await sandbox.run("javascript", FORGERIES[name]);
			expect(result).toMatchObject({ exact: false });
		},
	);

	it.each(
		BUILT_INS.flatMap((target) => [
			[target, "function () { throw new Error('replaced'); }"],
			[target, "function () { return 'forged'; }"],
		]),
	)(
		"prints what node prints or reports inexact while every property of %s is %s",
		async (target, replacement) => {
			const result = await expectNodeOrInexact(
				replacingEvery(target, replacement),
			);
			expect(result.status).toBe("ok");
		},
	);

	it("prints every kind of value the mirror describes as node does", async () => {
		const code = `${PRINTED}\nconsole.log(...values);\nconsole.log(...format);`;
		const result = await sandbox.run("javascript", code);
		expect(result).toMatchObject({ status: "ok", exact: true });
		expect(result.stdout).toBe(await runReal("javascript", code));
	});

	it("reports a replacement undone before the end as inexact when it was in place while printing", async () => {
		const result = await sandbox.run(
			"javascript",
			RESTORED["Object.prototype.get, restored after printing"],
		);
		expect(result).toMatchObject({ status: "ok", exact: false });
	});

	it.each([
		["console.log itself", "[log] { a: 1 } x\n"],
		["the console object", "forged x\n"],
		["globalThis.__sandbox", "a\nb\n"],
		["globalThis.__host", "still printed\n"],
	] as const)(
		"keeps the output exact when a snippet replaces %s, which only changes the snippet's own code",
		async (name, stdout) => {
			const result = await sandbox.run("javascript", FORGERIES[name]);
			expect(result).toMatchObject({ status: "ok", exact: true, stdout });
		},
	);

	it("keeps the output exact when a snippet adds a plain method to a built-in prototype", async () => {
		const code =
			"Array.prototype.last = function () { return this[this.length - 1]; };\nconsole.log([1, 2, 3].last(), [4]);";
		const result = await sandbox.run("javascript", code);
		expect(result).toMatchObject({ status: "ok", exact: true });
		expect(result.stdout).toBe(await runReal("javascript", code));
	});
});

describe("QuickJS process.stdout.write", () => {
	it("writes a string as node does", async () => {
		const code = "process.stdout.write('a');\nprocess.stdout.write('b\\n');";
		const result = await sandbox.run("javascript", code);
		expect(result).toMatchObject({ status: "ok", exact: true, stdout: "ab\n" });
	});

	it.each([
		"process.stdout.write(42)",
		"process.stdout.write({ toString() { return 'forged'; } })",
		"String = () => 'forged';\nprocess.stdout.write(Symbol('s'))",
	])("throws a TypeError for anything but a string (%j)", async (code) => {
		const result = await sandbox.run("javascript", code);
		expect(result).toMatchObject({ status: "error", stdout: "" });
		expect(result.status === "error" && result.error).toMatch(
			/^TypeError: The "chunk" argument must be of type string/,
		);
	});

	it("reports a caught TypeError as inexact, as node's error differs", async () => {
		const result = await sandbox.run(
			"javascript",
			"try { process.stdout.write(42); } catch (e) { console.log(e.message); }",
		);
		expect(result).toMatchObject({
			status: "ok",
			exact: false,
			stdout:
				'The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (42)\n',
		});
	});

	it("reports a write with a callback as inexact, as node calls it later", async () => {
		const result = await sandbox.run(
			"javascript",
			"process.stdout.write('a\\n', () => console.log('written'));",
		);
		expect(result).toMatchObject({ exact: false });
	});
});

describe("QuickJS reachability", () => {
	it("leaves a snippet no host function, module loader or Node internals", async () => {
		const result = await sandbox.run(
			"javascript",
			[
				"const g = Function('return this')();",
				"console.log(g === globalThis, typeof std, typeof os, typeof print, typeof scriptArgs);",
				"console.log(typeof __host, typeof __sandbox, typeof g.require, typeof g.module);",
				"console.log(Object.getOwnPropertyNames(g).filter((k) => !/^[A-Z]/.test(k)).sort().join());",
			].join("\n"),
		);
		expect(result).toMatchObject({
			status: "ok",
			stdout: [
				"true undefined undefined undefined undefined",
				"undefined undefined undefined undefined",
				"clearInterval,clearTimeout,console,decodeURI,decodeURIComponent,encodeURI,encodeURIComponent,escape,eval,globalThis,isFinite,isNaN,parseFloat,parseInt,process,queueMicrotask,setInterval,setTimeout,undefined,unescape",
				"",
			].join("\n"),
		});
	});

	it.each(["os", "std", "node:fs", "fs"])(
		"refuses import(%j) and reports the run as inexact",
		async (name) => {
			const result = await sandbox.run(
				"javascript",
				`import(${JSON.stringify(name)}).then(() => console.log('loaded'), (e) => console.log('refused', e.message));`,
			);
			expect(result).toMatchObject({
				status: "ok",
				exact: false,
				stdout: `refused Cannot find module '${name}'\n`,
			});
		},
	);

	it.each([
		"require('fs')",
		"process.binding('fs')",
		"process.env.PATH",
		"module.constructor._load('fs')",
	])("gives %j nothing to reach", async (expression) => {
		const result = await sandbox.run(
			"javascript",
			`let reached;\ntry { reached = ${expression}; } catch (e) { reached = e.name; }\nconsole.log(typeof reached === 'string' ? reached : typeof reached);`,
		);
		expect(result.status).toBe("ok");
		expect(result.stdout).toMatch(/^(Error|TypeError|undefined)\n$/);
		expect(result).toMatchObject({ exact: false });
	});

	it("reports printing or reflecting on its stand-ins for Node's objects as inexact", async () => {
		for (const code of [
			"console.log(console)",
			"console.log(Object.keys(process))",
			"console.log(String(console.log))",
			// biome-ignore lint/suspicious/noTemplateCurlyInString: the snippet itself uses a template literal
			"console.log(`${setTimeout}`)",
			"console.log(setTimeout(() => {}, 0))",
			"console.log(typeof require, typeof __filename)",
			"console.log(module)",
			"console.log(String(Math.max))",
		]) {
			const result = await sandbox.run("javascript", code);
			expect(result, code).toMatchObject({ status: "ok", exact: false });
		}
	});

	it("runs the snippet as a function body, as node does, so it cannot close it early", async () => {
		for (const code of [
			"}); console.log('outside'); (function () {",
			"} + console.log('outside') + function () {",
		]) {
			const result = await sandbox.run("javascript", code);
			expect(result, code).toMatchObject({ status: "error" });
		}
	});

	it("ends the run with an error when a queueMicrotask callback throws, as node does", async () => {
		const result = await sandbox.run(
			"javascript",
			"queueMicrotask(() => { throw new Error('boom'); });\nsetTimeout(() => console.log('after'), 0);",
		);
		expect(result).toMatchObject({ status: "error" });
	});
});
