import { describe, expect, it } from "vitest";
import { mistakePrograms } from "../src/combined-mistakes.js";
import { type Belief, belief, bothBeliefs } from "../src/templates/belief.js";
import type { Drawn } from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { drawnOf } from "../testing/families.js";

/** Instances drawn per family: building only, no sandbox. */
const SEEDS = 150;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A clause's words: two sites that write one belief in the same words, bar a comma or a symbol, are one belief. */
const wordsOf = (template: string) =>
	(template.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");

/** Every belief an instance can put behind a wrong option, combinations included. */
function beliefsOf(drawn: Drawn): Belief[] {
	switch (drawn.kind) {
		case "output":
		case "error":
			return mistakePrograms(drawn.instance).map((m) => m.misconception);
		case "fill-in":
		case "fix-the-bug":
			return drawn.instance.wrong.map((w) => w.misconception);
	}
}

/** What an instance says in prose, where a belief put in by mistake would read "[object Object]". */
function proseOf(drawn: Drawn): string {
	switch (drawn.kind) {
		case "output":
		case "error":
			return [
				drawn.instance.code,
				drawn.instance.explain("ANSWER"),
				...(drawn.instance.trace ?? []),
			].join("\n");
		case "fill-in":
			return [drawn.instance.code, drawn.instance.explain("OUTPUT")].join("\n");
		case "fix-the-bug":
			return [
				drawn.instance.code,
				drawn.instance.explain({
					call: "f(1)",
					expected: "1",
					actual: "2",
				}),
			].join("\n");
	}
}

describe("belief", () => {
	it("renders the clause, and keys it by its fixed words only", () => {
		const at = (g: string) => belief`list(${g}) gives every value ${g} yields`;
		const one = at("gen");
		const two = at("numbers");
		expect(one.text).toBe("list(gen) gives every value gen yields");
		expect(one.template).toBe("list(…) gives every value … yields");
		expect(one.key).toBe("list-gives-every-value-yields");
		expect(two.key).toBe(one.key);
	});

	it("drops stop words and keeps at most six words", () => {
		expect(
			belief`the stop index is included in the slice, as it is in a range`.key,
		).toBe("stop-index-included-slice-range");
		expect(belief`one two three four five six seven eight`.key).toBe(
			"one-two-three-four-five-six",
		);
	});

	it("joins two beliefs into one key and one clause", () => {
		const both = bothBeliefs(belief`a copies`, belief`b shares`);
		expect(both).toEqual({
			key: "copies+b-shares",
			text: "a copies, and that b shares",
			template: "a copies, and that b shares",
		});
	});
});

describe("misconception keys of the families", () => {
	const templatesByKey = new Map<string, Map<string, Set<string>>>();
	const families = FAMILIES.map((family) => [family.id, family] as const);

	it.each(families)(
		"%s writes every misconception as a belief with a slug key",
		(_, family) => {
			const keys = templatesByKey.get(family.idea) ?? new Map();
			templatesByKey.set(family.idea, keys);
			for (let seed = 0; seed < SEEDS; seed++) {
				const drawn = drawnOf(family, seed);
				const prose = proseOf(drawn);
				expect(prose, family.id).not.toContain("[object Object]");
				for (const b of beliefsOf(drawn)) {
					expect(b.text).not.toContain("[object Object]");
					for (const part of b.key.split("+"))
						expect(part, `${family.id}: ${b.template}`).toMatch(SLUG);
					const templates = keys.get(b.key) ?? new Set<string>();
					templates.add(wordsOf(b.template));
					keys.set(b.key, templates);
				}
			}
		},
	);

	it("never gives one key to two different clauses within an idea", () => {
		const collisions = [...templatesByKey].flatMap(([idea, keys]) =>
			[...keys]
				.filter(([, templates]) => templates.size > 1)
				.map(([key, templates]) => ({ idea, key, templates: [...templates] })),
		);
		expect(collisions).toEqual([]);
	});
});
