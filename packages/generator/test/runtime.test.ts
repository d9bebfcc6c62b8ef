import { describe, expect, it } from "vitest";
import { runtimeOf } from "../src/runtime.js";
import { USE_STRICT } from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { drawnOf } from "../testing/families.js";

const SEEDS = 200;

/**
 * Globals of a browser window that a top-level declaration would collide with: `var name`
 * becomes window.name (always a string), `var open` keeps window.open… A snippet that declares
 * one prints something else when pasted into a browser console.
 */
const BROWSER_GLOBALS = new Set([
	"close",
	"closed",
	"event",
	"focus",
	"frames",
	"history",
	"length",
	"location",
	"name",
	"open",
	"opener",
	"origin",
	"parent",
	"print",
	"self",
	"status",
	"stop",
	"top",
	"window",
]);

/**
 * Names a snippet declares at its top level (lines without indentation) as properties of the
 * global object: `var` and function declarations. (`let`, `const` and `class` make bindings of
 * their own that shadow a window property without touching it.)
 */
const globalNames = (code: string) =>
	[
		...code.matchAll(
			/^(?:var|function\*?|async function\*?)\s+([A-Za-z_$][\w$]*)/gm,
		),
	].map((match) => match[1]);

describe("where challenges run", () => {
	const javascript = FAMILIES.filter((f) => f.language === "javascript");

	it('starts every JavaScript snippet and mistake program with "use strict", unless its family is about sloppy mode and its runtime says so', () => {
		for (const family of javascript) {
			const drawn = drawnOf(family, 7);
			// the programs each kind runs: the snippet or the function, and what it is checked against
			const programs =
				drawn.kind === "fix-the-bug"
					? [drawn.instance.code, drawn.instance.reference]
					: drawn.kind === "fill-in"
						? [drawn.instance.code]
						: [
								drawn.instance.code,
								...drawn.instance.mistakes.map((m) => m.code),
							];
			for (const code of programs)
				expect(code.startsWith(USE_STRICT), family.id).toBe(!family.sloppyMode);
			expect(runtimeOf(family), family.id).toBe(
				family.sloppyMode
					? "Node.js (CommonJS script, sloppy mode)"
					: "Node.js (CommonJS script)",
			);
		}
		expect(runtimeOf({ language: "python" })).toBe("Python 3");
	});

	it("declares no browser global at the top level of a JavaScript snippet, so a browser console prints what Node.js prints", () => {
		for (const family of javascript) {
			for (let seed = 0; seed < SEEDS; seed++) {
				const { code } = drawnOf(family, seed).instance;
				const clashes = globalNames(code).filter((name) =>
					BROWSER_GLOBALS.has(name ?? ""),
				);
				expect(clashes, `${family.id}\n${code}`).toEqual([]);
			}
		}
	});
});
