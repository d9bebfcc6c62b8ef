import { DIFFICULTIES, LANGUAGES } from "@app/contract";
import { afterAll, describe, expect, it } from "vitest";
import { createOfflineGenerator } from "../src/providers/offline.js";
import { createSandbox } from "../src/sandbox/sandbox.js";
import { spansDifficulty } from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { LOOK_WINDOW, lookOf } from "../src/variety.js";

const CELLS = LANGUAGES.flatMap((language) =>
	DIFFICULTIES.map((difficulty) => [language, difficulty] as const),
);
/** Topics (families) every cell offers, so that 50 challenges in a row can all differ. */
const MIN_TOPICS = 15;
/** The least share of a cell's challenges that ask something other than "what does this print?". */
const MIN_OTHER_KINDS = 0.25;

const sandbox = createSandbox();
afterAll(() => sandbox.close());

describe("variety in every cell", () => {
	it(`offers at least ${MIN_TOPICS} topics, and every kind of question, in each cell`, () => {
		for (const [language, difficulty] of CELLS) {
			const cell = FAMILIES.filter(
				(f) => f.language === language && spansDifficulty(f, difficulty),
			);
			const where = `${language} ${difficulty}`;
			expect(
				new Set(cell.map((f) => f.title)).size,
				where,
			).toBeGreaterThanOrEqual(MIN_TOPICS);
			const kinds = new Set(cell.map((f) => f.kind ?? "output"));
			expect([...kinds].sort(), where).toEqual([
				"error",
				"fill-in",
				"fix-the-bug",
				"output",
			]);
		}
	});

	it.concurrent.for(CELLS)(
		`serves a user ${LOOK_WINDOW} %s %s challenges in a row of which no two look alike, and at least a quarter not "what does this print?"`,
		// 300 challenges in all, on one sandbox process shared with the other cells
		{ timeout: 600_000 },
		async ([language, difficulty], { expect }) => {
			const generator = createOfflineGenerator(sandbox, FAMILIES);
			// newest first, as the server passes them
			const history: string[] = [];
			const kinds: string[] = [];
			for (let i = 0; i < LOOK_WINDOW; i++) {
				const { variantKey, challenge } = await generator.generate({
					language,
					difficulty,
					exclude: new Set(history),
					recent: history.slice(0, LOOK_WINDOW),
					seed: 1000 + i,
				});
				history.unshift(variantKey ?? "");
				kinds.push(challenge.kind);
			}
			const looks = history.map(lookOf);
			const repeated = looks.filter((look, i) => looks.indexOf(look) !== i);
			expect(repeated).toEqual([]);
			const other = kinds.filter((kind) => kind !== "output").length;
			expect(other / kinds.length).toBeGreaterThanOrEqual(MIN_OTHER_KINDS);
		},
	);
});
