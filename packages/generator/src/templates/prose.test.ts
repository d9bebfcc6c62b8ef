import { describe, expect, it } from "vitest";
import {
	agree,
	allOf,
	counted,
	listed,
	noun,
	numberWord,
	ordinal,
	possessive,
	times,
	withArticle,
} from "./prose.js";

describe("listed", () => {
	it("joins one, two and three items the way a sentence does", () => {
		expect(listed([])).toBe("");
		expect(listed(["a"])).toBe("a");
		expect(listed(["a", "b"])).toBe("a and b");
		expect(listed(["a", "b", "c"])).toBe("a, b and c");
	});
});

describe("ordinal", () => {
	it("gives st, nd, rd and th, with th for 11 to 13", () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal)).toEqual([
			"1st",
			"2nd",
			"3rd",
			"4th",
			"11th",
			"12th",
			"13th",
			"21st",
			"22nd",
			"111th",
		]);
	});
});

describe("counted and noun", () => {
	it("uses the singular for 1 only", () => {
		expect(counted(1, "space")).toBe("1 space");
		expect(counted(2, "space")).toBe("2 spaces");
		expect(counted(0, "piece")).toBe("0 pieces");
		expect(counted(2, "pass", "passes")).toBe("2 passes");
		expect(noun(["x"], "label")).toBe("label");
		expect(noun(["x", "y"], "label")).toBe("labels");
	});
});

describe("agree", () => {
	it("picks the verb that agrees with a count or a list", () => {
		expect(agree(1, "counts", "count")).toBe("counts");
		expect(agree(2, "counts", "count")).toBe("count");
		expect(`${listed(["1.9"])} ${agree(["1.9"], "has", "have")}`).toBe(
			"1.9 has",
		);
		expect(
			`${listed(["1.9", "2.1"])} ${agree(["1.9", "2.1"], "has", "have")}`,
		).toBe("1.9 and 2.1 have");
	});
});

describe("allOf", () => {
	it("says the one, both, or all with the count spelled out", () => {
		expect(allOf(1, "label")).toBe("the one label");
		expect(allOf(2, "label")).toBe("both labels");
		expect(allOf(3, "label")).toBe("all three labels");
		expect(allOf(12, "entry", "entries")).toBe("all 12 entries");
	});
});

describe("numberWord and times", () => {
	it("spells out counts up to ten", () => {
		expect(numberWord(0)).toBe("zero");
		expect(numberWord(10)).toBe("ten");
		expect(numberWord(11)).toBe("11");
		expect([1, 2, 3].map(times)).toEqual(["once", "twice", "3 times"]);
	});
});

describe("possessive", () => {
	it("adds only an apostrophe after a final s", () => {
		expect(possessive("Python")).toBe("Python's");
		expect(possessive("stars")).toBe("stars'");
		expect(possessive("Savings")).toBe("Savings'");
	});
});

describe("withArticle", () => {
	it("chooses a or an by the sound of the word", () => {
		expect(withArticle("IndexError")).toBe("an IndexError");
		expect(withArticle("KeyError")).toBe("a KeyError");
		expect(withArticle("user")).toBe("a user");
		expect(withArticle("hour")).toBe("an hour");
		expect(withArticle("8")).toBe("an 8");
		expect(withArticle("11")).toBe("an 11");
		expect(withArticle("18-bit")).toBe("an 18-bit");
		expect(withArticle("1")).toBe("a 1");
		expect(withArticle("110")).toBe("a 110");
	});
});
