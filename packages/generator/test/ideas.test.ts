import { describe, expect, it } from "vitest";
import { IDEAS, ideaById } from "../src/ideas.js";
import { FAMILIES } from "../src/templates/registry.js";

const IDEA_ID = /^(py|js)\.[a-z0-9]+(-[a-z0-9]+)*$/;

describe("IDEAS", () => {
	it.each(FAMILIES.map((family) => [family.id, family] as const))(
		"holds the idea of %s, in the family's language",
		(_, family) => {
			expect(ideaById(family.idea)?.language).toBe(family.language);
		},
	);

	it("has a family for every idea", () => {
		const taught = new Set(FAMILIES.map((family) => family.idea));
		expect(IDEAS.filter((idea) => !taught.has(idea.id))).toEqual([]);
	});

	it("has unique, well-formed ids whose prefix names the language", () => {
		const ids = IDEAS.map((idea) => idea.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const idea of IDEAS) {
			expect(idea.id).toMatch(IDEA_ID);
			expect(
				idea.id.startsWith(idea.language === "python" ? "py." : "js."),
			).toBe(true);
		}
	});

	it("has non-empty names without a final full stop", () => {
		for (const idea of IDEAS) {
			expect(idea.name.trim()).not.toBe("");
			expect(idea.name).not.toMatch(/\.$/);
		}
	});
});
