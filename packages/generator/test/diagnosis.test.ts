import type { Misconception } from "@app/contract";
import { afterAll, describe, expect, it } from "vitest";
import { mistakePrograms } from "../src/combined-mistakes.js";
import { statementOf } from "../src/diagnosis.js";
import { IDEAS } from "../src/ideas.js";
import { filled } from "../src/kinds/fill-in.js";
import { changeOption, harness, withChange } from "../src/kinds/fix-the-bug.js";
import { nearestDifficulty } from "../src/providers/by-idea.js";
import {
	createOfflineGenerator,
	serve,
	variantKey,
} from "../src/providers/offline.js";
import { optionOf } from "../src/sandbox/outcome-option.js";
import { printedOption } from "../src/sandbox/printed-option.js";
import { createSandbox, type RunResult } from "../src/sandbox/sandbox.js";
import {
	type Drawn,
	difficultiesOf,
	spansDifficulty,
} from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { GeneratorError } from "../src/types.js";
import { drawnOf } from "../testing/families.js";

/** Instances served per family; each costs one proof (4–15 runs) and a re-run per wrong option. */
const SEEDS = [11, 2027, 40_013, 90_001, 123_457, 700_001];
/** The share of a family's draws that must be served, filler or not. */
const MIN_SERVED = 0.75;

const sandbox = createSandbox();
afterAll(() => sandbox.close());

const run = (drawn: Drawn, code: string) =>
	sandbox.run(drawn.family.language, code);

/** The key of a misconception id of the family's idea. */
function keyOf(drawn: Drawn, misconception: Misconception): string {
	const prefix = `${drawn.family.idea}.`;
	expect(misconception.id.startsWith(prefix), misconception.id).toBe(true);
	expect(misconception.idea).toBe(drawn.family.idea);
	return misconception.id.slice(prefix.length);
}

/**
 * Checks that the option's misconception is that of a mistake of the instance which, run again,
 * gives that very option: for an outcome, its program prints it; for a filling or a change, it is
 * the option and its run misses the stated goal.
 */
async function checkRerun(
	drawn: Drawn,
	option: string,
	misconception: Misconception,
): Promise<void> {
	const key = keyOf(drawn, misconception);
	const where = `${drawn.family.id}: ${option}`;
	switch (drawn.kind) {
		case "output":
		case "error": {
			const programs = mistakePrograms(drawn.instance).filter(
				(p) =>
					p.misconception.key === key &&
					statementOf(p.misconception) === misconception.statement,
			);
			expect(programs.length, where).toBeGreaterThan(0);
			const printed = await Promise.all(
				programs.map(async (p) =>
					optionOf(drawn.kind, await run(drawn, p.code)),
				),
			);
			expect(printed, where).toContain(option);
			return;
		}
		case "fill-in": {
			const { instance } = drawn;
			const wrong = instance.wrong.find(
				(w) =>
					w.option === option &&
					w.misconception.key === key &&
					statementOf(w.misconception) === misconception.statement,
			);
			expect(wrong, where).toBeDefined();
			const [right, mistaken] = await Promise.all([
				run(drawn, filled(instance.code, instance.answer)),
				run(drawn, filled(instance.code, option)),
			]);
			const stated = printedOption(right);
			expect(stated, where).not.toBeNull();
			expect(
				mistaken.status === "error" || printedOption(mistaken) !== stated,
				where,
			).toBe(true);
			return;
		}
		case "fix-the-bug": {
			const { instance } = drawn;
			const wrong = instance.wrong.find(
				(w) =>
					changeOption(w) === option &&
					w.misconception.key === key &&
					statementOf(w.misconception) === misconception.statement,
			);
			expect(wrong, where).toBeDefined();
			if (!wrong) return;
			const checks = harness(drawn.family.language, instance.examples);
			const changed = withChange(instance.code, wrong);
			expect(changed, where).not.toBeNull();
			const [reference, mistaken] = await Promise.all([
				run(drawn, instance.reference + checks),
				run(drawn, `${changed}${checks}`),
			]);
			const results = (r: RunResult) =>
				r.status === "ok" && r.exact ? r.stdout : null;
			expect(results(reference), where).not.toBeNull();
			expect(results(mistaken), where).not.toBe(results(reference));
			return;
		}
	}
}

describe("the diagnosis of an offline challenge", () => {
	it.concurrent.for(FAMILIES.map((family) => [family.id, family] as const))(
		"%s: each wrong option's misconception is the belief of the mistake that, run again, gives it",
		{ timeout: 300_000 },
		async ([, family], { expect }) => {
			let served = 0;
			for (const seed of SEEDS) {
				const drawn = drawnOf(family, seed);
				const [difficulty = "easy"] = difficultiesOf(family);
				const outcome = await serve(
					sandbox,
					drawn,
					variantKey(family, drawn.instance.code),
					difficulty,
				);
				if (typeof outcome === "string") continue;
				served += 1;
				const { challenge, diagnosis } = outcome.result;
				expect(diagnosis.idea).toBe(family.idea);
				expect(diagnosis.misconceptions).toHaveLength(challenge.options.length);
				expect(
					diagnosis.misconceptions[challenge.correct_answer_id],
				).toBeNull();
				let named = 0;
				for (const [index, option] of challenge.options.entries()) {
					const misconception = diagnosis.misconceptions[index];
					if (index === challenge.correct_answer_id || !misconception) continue;
					named += 1;
					expect(misconception.statement).toMatch(
						/^You may think that \S.*\.$/s,
					);
					expect(misconception.statement).not.toMatch(/\.\.$/);
					await checkRerun(drawn, option, misconception);
				}
				// only outcome questions may have filler, which names no belief
				expect(named + outcome.fillers).toBe(challenge.options.length - 1);
			}
			expect(served / SEEDS.length).toBeGreaterThanOrEqual(MIN_SERVED);
		},
	);
});

describe("generating on an idea", () => {
	const generator = createOfflineGenerator(sandbox, FAMILIES);

	it("draws only from the idea's families, in the idea's language, whatever the topic", async () => {
		const idea = "js.closures";
		const ids = new Set(
			FAMILIES.filter((f) => f.idea === idea).map((f) => `offline:${f.id}`),
		);
		for (const seed of [1, 2, 3, 4]) {
			const { challenge, diagnosis } = await generator.generate({
				language: "javascript",
				difficulty: "medium",
				idea,
				topic: "sorting",
				seed,
			});
			expect(ids.has(challenge.source), challenge.source).toBe(true);
			expect(challenge.language).toBe("javascript");
			expect(challenge.difficulty).toBe("medium");
			expect(diagnosis.idea).toBe(idea);
		}
	});

	it("builds the nearest level the idea's families span when they do not span the one asked for", async () => {
		// generators and exhaustion: hard only
		const hard = await generator.generate({
			language: "python",
			difficulty: "easy",
			idea: "py.generators",
			seed: 7,
		});
		expect(hard.challenge.difficulty).toBe("hard");
		expect(hard.challenge.source).toBe("offline:python/generator-exhaustion");
		// dictionary lookups: easy and hard, so medium falls to the lower of the two
		const easy = await generator.generate({
			language: "python",
			difficulty: "medium",
			idea: "py.dict-lookups",
			seed: 7,
		});
		expect(easy.challenge.difficulty).toBe("easy");
		const family = FAMILIES.find(
			(f) => `offline:${f.id}` === easy.challenge.source,
		);
		expect(family?.idea).toBe("py.dict-lookups");
		expect(family && spansDifficulty(family, "easy")).toBe(true);
	});

	it("refuses an idea that no family teaches as unavailable", async () => {
		const request = generator.generate({
			language: "python",
			difficulty: "easy",
			idea: "py.no-such-idea",
		});
		await expect(request).rejects.toBeInstanceOf(GeneratorError);
		await expect(request).rejects.toMatchObject({ failure: "unavailable" });
	});
});

describe("nearestDifficulty", () => {
	const of = (idea: string) => FAMILIES.filter((f) => f.idea === idea);

	it("keeps the level asked for when a family of the idea spans it", () => {
		for (const idea of IDEAS)
			for (const family of of(idea.id))
				for (const level of difficultiesOf(family))
					expect(nearestDifficulty(of(idea.id), level)).toBe(level);
	});

	it("moves to the nearest spanned level, the lower on a tie", () => {
		expect(nearestDifficulty(of("py.generators"), "easy")).toBe("hard");
		expect(nearestDifficulty(of("py.truthiness"), "hard")).toBe("medium");
		expect(nearestDifficulty(of("py.dict-lookups"), "medium")).toBe("easy");
		expect(nearestDifficulty(of("js.typeof"), "hard")).toBe("easy");
	});
});
