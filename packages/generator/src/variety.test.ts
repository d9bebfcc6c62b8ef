import { describe, expect, it } from "vitest";
import { identityOf, lookOf, shapeOf, variantKey } from "./variety.js";

describe("shapeOf", () => {
	it("blanks names, numbers and strings, and keeps keywords and what the code calls", () => {
		expect(
			shapeOf('total = 3\nfor item in items:\n    print(item.upper(), "x")\n'),
		).toBe("x = N for x in x: print(x.upper(), S)");
	});

	it("gives snippets that differ only in names and values one shape", () => {
		expect(shapeOf("xs = [1, 2, 3]\nprint(len(xs) // 2)\n")).toBe(
			shapeOf("values = [40, 5, 6, 7]\nprint(len(values) // 9)\n"),
		);
	});

	it("tells apart snippets that call other methods or have other statements", () => {
		const base = "xs = [1, 2]\nxs.append(3)\nprint(xs)\n";
		expect(shapeOf(base)).not.toBe(shapeOf(base.replace("append", "extend")));
		expect(shapeOf(base)).not.toBe(shapeOf(`${base}print(xs)\n`));
	});
});

describe("variant keys", () => {
	const family = { id: "python/demo" };
	const a = variantKey(family, "xs = [1, 2]\nprint(xs)\n");
	const b = variantKey(family, "ys = [7, 8, 9]\nprint(ys)\n");

	it("name the family, the code and its shape", () => {
		expect(a).toMatch(/^python\/demo:[0-9a-f]{8}:[0-9a-f]{8}$/);
		expect(identityOf(a)).not.toBe(identityOf(b));
		expect(lookOf(a)).toBe(lookOf(b));
	});

	it("still identify a challenge by a key stored before shapes, which has no look", () => {
		const old = identityOf(a);
		expect(identityOf(old)).toBe(identityOf(a));
		expect(lookOf(old)).toBeNull();
	});
});
