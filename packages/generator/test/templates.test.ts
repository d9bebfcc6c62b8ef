import { readdir } from "node:fs/promises";
import {
	ChallengeContentSchema,
	DIFFICULTIES,
	type Difficulty,
	LANGUAGES,
	type Language,
} from "@app/contract";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { mistakePrograms } from "../src/combined-mistakes.js";
import { assembleOptions, type Distractor } from "../src/distractors.js";
import { createGenerator, type GenerateResult } from "../src/index.js";
import { filled } from "../src/kinds/fill-in.js";
import { changeOption, harness, withChange } from "../src/kinds/fix-the-bug.js";
import { prove } from "../src/kinds/prove.js";
import { explanation, variantKey } from "../src/providers/offline.js";
import { createRng } from "../src/rng.js";
import {
	oneLine,
	optionOf,
	outcomeOption,
	outcomeText,
} from "../src/sandbox/outcome-option.js";
import { createSandbox } from "../src/sandbox/sandbox.js";
import {
	difficultiesOf,
	draw,
	type Family,
	type FillInFamily,
	type FixTheBugFamily,
	type OutcomeFamily,
	spansDifficulty,
} from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";
import { shapeOf } from "../src/variety.js";
import { drawnOf, instanceOf, OUTCOME_FAMILIES } from "../testing/families.js";
import { runReal, runRealOutcome } from "./real-interpreters.js";

/** Seeds tried per family; every run costs one real-interpreter process and 3–5 sandbox runs. */
const SEEDS_PER_FAMILY = 7;
/** Fixed seeds for the checks that need many instances of a family but no real interpreter. */
const MODEL_SEEDS = Array.from({ length: 30 }, (_, i) => i * 7919 + 1);
/** The share of instances whose three distractors must all come from mistake models. */
const FROM_MISTAKES = 0.9;
/** Seeds over which a family must show MIN_DISTINCT different snippets; only instance creation, no runs. */
const VARIETY_SEEDS = 2000;
const MIN_DISTINCT = 300;
const CHALLENGES_PER_CELL = 25;
const MAX_OUTPUT_CHARS = 400;
/** Seeds drawn at each level of a family that spans several, to compare their shapes. */
const SPAN_SEEDS = 200;

const CELLS = LANGUAGES.flatMap((language) =>
	DIFFICULTIES.map((difficulty) => [language, difficulty] as const),
);

const trimFinalNewline = (text: string) =>
	text.endsWith("\n") ? text.slice(0, -1) : text;

/** Runs at most `size` tasks at once; a finishing task hands its slot straight to the next one waiting. */
function limiter(size: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (active < size) active += 1;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else active -= 1;
		}
	};
}

// the real interpreters are separate processes, and the machine has two cores
const limited = limiter(2);
const realOutput = (language: Language, code: string) =>
	limited(() => runReal(language, code));
/** What happens when the real interpreter runs the code, as an `error` challenge's option reads. */
const realOutcome = async (language: Language, code: string) => {
	const { stdout, raised } = await limited(() =>
		runRealOutcome(language, code),
	);
	return outcomeText(stdout, raised);
};

const OUTPUT_FAMILIES = OUTCOME_FAMILIES.filter(
	(f) => (f.kind ?? "output") === "output",
);
const ERROR_FAMILIES = OUTCOME_FAMILIES.filter((f) => f.kind === "error");

describe("template registry", () => {
	it("has at least four families in every language and difficulty", () => {
		for (const [language, difficulty] of CELLS) {
			const cell = FAMILIES.filter(
				(f) => f.language === language && spansDifficulty(f, difficulty),
			);
			expect(cell.length, `${language}/${difficulty}`).toBeGreaterThanOrEqual(
				4,
			);
		}
	});

	it("has at least twelve families per language", () => {
		for (const language of LANGUAGES)
			expect(
				FAMILIES.filter((f) => f.language === language).length,
			).toBeGreaterThanOrEqual(12);
	});

	it("registers one family per file, with the id <language>/<file name>", async () => {
		const files: string[] = [];
		for (const language of LANGUAGES) {
			const dir = new URL(`../src/templates/${language}/`, import.meta.url);
			for (const file of await readdir(dir))
				if (file.endsWith(".ts") && !file.endsWith(".test.ts"))
					files.push(`${language}/${file.slice(0, -3)}`);
		}
		const ids = FAMILIES.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(files.sort());
		for (const family of FAMILIES)
			expect(family.id.startsWith(`${family.language}/`), family.id).toBe(true);
	});

	it(`gives every family at least ${MIN_DISTINCT} distinct instances in ${VARIETY_SEEDS} seeds`, () => {
		for (const family of FAMILIES) {
			const keys = new Set<string>();
			for (let seed = 0; seed < VARIETY_SEEDS; seed++) {
				const { code } = drawnOf(family, seed).instance;
				keys.add(variantKey(family, code));
			}
			expect(keys.size, family.id).toBeGreaterThanOrEqual(MIN_DISTINCT);
		}
		// every family builds 2000 instances: seconds on a quiet machine, more on a shared one
	}, 180_000);

	it("builds each level of a family that spans several differently, not the same snippets relabelled", () => {
		const shapesAt = (family: Family, difficulty: Difficulty) => {
			const shapes = new Set<string>();
			for (let seed = 0; seed < SPAN_SEEDS; seed++) {
				const drawn = draw(family, createRng(seed), difficulty);
				// a fill-in's level may lie in what fills the blank
				const answer = drawn.kind === "fill-in" ? drawn.instance.answer : "";
				shapes.add(shapeOf(`${drawn.instance.code}\n${answer}`));
			}
			return shapes;
		};
		const spanning = FAMILIES.filter((f) => difficultiesOf(f).length > 1);
		expect(spanning.length).toBeGreaterThanOrEqual(10);
		for (const family of spanning) {
			const levels = difficultiesOf(family);
			const shapes = levels.map((level) => shapesAt(family, level));
			for (const [i, a] of shapes.entries())
				for (const [j, b] of shapes.entries()) {
					if (j <= i) continue;
					const shared = [...a].filter((shape) => b.has(shape)).length;
					expect(
						shared,
						`${family.id}: ${levels[i]} and ${levels[j]}`,
					).toBeLessThanOrEqual(Math.min(a.size, b.size) / 2);
				}
		}
	});

	it("gives every family a title and lowercase topics of three or more characters", () => {
		for (const family of FAMILIES) {
			expect(family.title.trim(), family.id).not.toBe("");
			expect(family.topics.length, family.id).toBeGreaterThan(0);
			for (const topic of family.topics)
				expect(topic, family.id).toMatch(/^[a-z0-9][a-z0-9 +#-]{2,}$/);
		}
	});
});

const sandbox = createSandbox();
afterAll(() => sandbox.close());

describe("template families", () => {
	it.concurrent.for(OUTPUT_FAMILIES)(
		"$id prints the same in the sandbox as in the real interpreter, and its mistakes run and disagree",
		async (family, { expect }) => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 0, max: 2 ** 31 - 1 }),
					async (seed) => {
						const instance = instanceOf(family, seed);
						const { code, mistakes } = instance;
						const [run, real] = await Promise.all([
							sandbox.run(family.language, code),
							realOutput(family.language, code),
						]);
						expect(run, code).toMatchObject({ status: "ok", exact: true });
						expect(run.stdout, code).toBe(real);
						const answer = trimFinalNewline(real);
						expect(answer.trim(), code).not.toBe("");
						expect(answer.length, code).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
						expect(instance.explain(answer).trim()).not.toBe("");

						expect(mistakes.length).toBeGreaterThanOrEqual(3);
						expect(mistakes.length).toBeLessThanOrEqual(4);
						const wrong = new Set<string>();
						for (const mistake of mistakes) {
							const result = await sandbox.run(family.language, mistake.code);
							// a mistake that crashes is a bug in the template, not a distractor
							expect(result, mistake.code).toMatchObject({
								status: "ok",
								exact: true,
							});
							const output = trimFinalNewline(result.stdout);
							expect(output.trim(), mistake.code).not.toBe("");
							if (output !== answer) wrong.add(output);
						}
						expect(wrong.size, code).toBeGreaterThanOrEqual(2);
					},
				),
				{ numRuns: SEEDS_PER_FAMILY },
			);
		},
	);
});

describe("error template families", () => {
	it.concurrent.for(ERROR_FAMILIES)(
		"$id has the same outcome in the sandbox as in the real interpreter, for the snippet and each mistake, and its mistakes disagree",
		// every program of an instance runs in a real interpreter too, four or five times the above
		{ timeout: 240_000 },
		async (family, { expect }) => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 0, max: 2 ** 31 - 1 }),
					async (seed) => {
						const instance = instanceOf(family, seed);
						const { code, mistakes } = instance;
						expect(mistakes.length).toBeGreaterThanOrEqual(3);
						expect(mistakes.length).toBeLessThanOrEqual(4);
						const outcomes = await Promise.all(
							[code, ...mistakes.map((m) => m.code)].map(async (program) => {
								const [run, real] = await Promise.all([
									sandbox.run(family.language, program),
									realOutcome(family.language, program),
								]);
								// a program that cannot be an option (a limit, a thrown non-Error) is a bug
								expect(outcomeOption(run), program).toBe(real);
								return real;
							}),
						);
						const [answer = "", ...wrong] = outcomes;
						expect(instance.explain(answer).trim()).not.toBe("");
						const distinct = new Set(wrong.filter((w) => w !== answer));
						expect(distinct.size, code).toBeGreaterThanOrEqual(2);
					},
				),
				{ numRuns: SEEDS_PER_FAMILY },
			);
		},
	);
});

const FILL_IN_FAMILIES = FAMILIES.filter(
	(f): f is FillInFamily => f.kind === "fill-in",
);
const FIX_FAMILIES = FAMILIES.filter(
	(f): f is FixTheBugFamily => f.kind === "fix-the-bug",
);

/** What the real interpreter prints for a program, or the exception it raises, on one string. */
const realResult = async (language: Language, code: string) => {
	const { stdout, raised } = await limited(() =>
		runRealOutcome(language, code),
	);
	return raised === null ? trimFinalNewline(stdout) : `raises ${raised}`;
};

/** A family's instance proven as the offline generator proves it; throws when the instance is refused. */
async function provenOf(family: FillInFamily | FixTheBugFamily, seed: number) {
	const drawn = drawnOf(family, seed);
	const proof = await prove(sandbox, drawn);
	if (typeof proof === "string")
		throw new Error(`${family.id} seed ${seed}: ${proof}`);
	return { drawn, proof };
}

describe("fill-in template families", () => {
	it.concurrent.for(FILL_IN_FAMILIES)(
		"$id: the answer prints the stated output in the real interpreter too, no offered filling does, and at least three are offered",
		{ timeout: 240_000 },
		async (family, { expect }) => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 0, max: 2 ** 31 - 1 }),
					async (seed) => {
						const { drawn, proof } = await provenOf(family, seed);
						if (drawn.kind !== "fill-in") throw new Error("not a fill-in");
						const { code } = drawn.instance;
						const stated = proof.code
							.slice(code.trimEnd().length)
							.split("\n")
							.slice(3, -1)
							.map((line) => line.replace(/^(#|\/\/) ?/, ""))
							.join("\n");
						expect(
							await realResult(family.language, filled(code, proof.answer)),
							code,
						).toBe(stated);
						expect(proof.candidates.length, code).toBeGreaterThanOrEqual(3);
						for (const { text } of proof.candidates)
							expect(
								await realResult(family.language, filled(code, text)),
								text,
							).not.toBe(stated);
						expect(proof.why.trim()).not.toBe("");
					},
				),
				{ numRuns: SEEDS_PER_FAMILY },
			);
		},
	);
});

describe("fix-the-bug template families", () => {
	it.concurrent.for(FIX_FAMILIES)(
		"$id: in the real interpreter too, the fix returns what the reference returns on every example, the shown code and every offered change do not, and at least three are offered",
		{ timeout: 240_000 },
		async (family, { expect }) => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 0, max: 2 ** 31 - 1 }),
					async (seed) => {
						const { drawn, proof } = await provenOf(family, seed);
						if (drawn.kind !== "fix-the-bug") throw new Error("not a fix");
						const { instance } = drawn;
						const checks = harness(family.language, instance.examples);
						const real = (program: string | null) =>
							realResult(family.language, `${program ?? ""}${checks}`);
						const expected = await real(instance.reference);
						expect(await real(withChange(instance.code, instance.fix))).toBe(
							expected,
						);
						expect(await real(instance.code)).not.toBe(expected);
						expect(
							proof.candidates.length,
							instance.code,
						).toBeGreaterThanOrEqual(3);
						for (const candidate of proof.candidates) {
							const change = instance.wrong.find(
								(w) => changeOption(w) === candidate.text,
							);
							expect(change, candidate.text).toBeDefined();
							if (change)
								expect(
									await real(withChange(instance.code, change)),
									candidate.text,
								).not.toBe(expected);
						}
						expect(proof.why.trim()).not.toBe("");
					},
				),
				{ numRuns: SEEDS_PER_FAMILY },
			);
		},
	);
});

/** The instance's real output (or outcome) and its distractors, assembled as the offline generator does. */
async function assembled(family: OutcomeFamily, seed: number) {
	const kind = family.kind ?? "output";
	const instance = instanceOf(family, seed);
	const answer = optionOf(
		kind,
		await sandbox.run(family.language, instance.code),
	);
	if (answer === null) throw new Error(`no answer for\n${instance.code}`);
	const candidates: Distractor[] = [];
	for (const { code, origin, misconception } of mistakePrograms(instance)) {
		const text = optionOf(kind, await sandbox.run(family.language, code));
		if (text !== null) candidates.push({ text, origin, misconception });
	}
	const options = assembleOptions(
		answer,
		candidates,
		createRng(seed),
		instance.code,
	);
	return { instance, answer, distractors: options?.distractors ?? [] };
}

describe("mistake models and explanations", () => {
	it.concurrent.for(OUTCOME_FAMILIES)(
		"$id takes all three distractors from its mistakes in nearly every instance, and explains the answer and each of them",
		async (family, { expect }) => {
			let fromMistakes = 0;
			for (const seed of MODEL_SEEDS) {
				const { instance, answer, distractors } = await assembled(family, seed);
				const misconceptions = instance.mistakes.map(
					(m) => m.misconception.text,
				);
				expect(new Set(misconceptions).size, instance.code).toBe(
					misconceptions.length,
				);
				// it completes "… is what you would predict if you thought that ___."
				for (const misconception of misconceptions)
					expect(misconception, family.id).toMatch(/^\S.*[^.\s]$/s);
				const noted = distractors.filter((d) => d.misconception !== null);
				if (noted.length === 3) fromMistakes += 1;

				const why = instance.explain(answer);
				// an outcome has several lines; a sentence quotes it on one, as the notes do
				expect(why, instance.code).toContain(
					family.kind === "error" ? oneLine(answer) : answer,
				);
				expect(why, instance.code).not.toMatch(/\[object |\$\{/);
				if (family.language === "python")
					expect(why, instance.code).not.toMatch(/\b(undefined|NaN)\b/);
				const notes = explanation(why, distractors)
					.slice(why.length)
					.split("\n")
					.filter((line) => line.startsWith("• "));
				expect(notes, instance.code).toHaveLength(noted.length);
				for (const [i, { text, misconception }] of noted.entries()) {
					expect(notes[i], instance.code).toContain(text.split("\n")[0]);
					expect(notes[i], instance.code).toContain(`${misconception?.text}.`);
				}
			}
			expect(fromMistakes, family.id).toBeGreaterThanOrEqual(
				Math.ceil(FROM_MISTAKES * MODEL_SEEDS.length),
			);
		},
	);
});

/**
 * From a served fill-in or fix-the-bug challenge alone: the program its marked option makes, and
 * what that program must print by the comment under the code (the stated output, or the result
 * the failing example should return).
 */
function statedCheck(
	kind: "fill-in" | "fix-the-bug",
	language: Language,
	shown: string,
	marked: string,
): { program: string; expected: string } {
	const note = shown.lastIndexOf("\n\n");
	const code = `${shown.slice(0, note)}\n`;
	const comments = shown
		.slice(note + 2, -1)
		.split("\n")
		.map((line) => line.replace(/^(#|\/\/) ?/, ""));
	if (kind === "fill-in")
		return {
			program: filled(code, marked),
			expected: comments.slice(1).join("\n"),
		};
	const [, call = "", expected = ""] =
		comments[0]?.match(/^(.*) should return (.*), but (?:returns|raises) /) ??
		[];
	const [, line = "0", text = ""] = marked.match(/^line (\d+): (.*)$/) ?? [];
	const original = code.split("\n")[Number(line) - 1] ?? "";
	const indent = original.match(/^\s*/)?.[0] ?? "";
	const program = withChange(code, { line: Number(line), text: indent + text });
	return {
		program: `${program ?? ""}${harness(language, [call])}`,
		expected,
	};
}

describe("offline generator", () => {
	const generator = createGenerator({ kind: "offline" });
	afterAll(() => generator.close());

	it.concurrent.for(CELLS)(
		"serves %s %s challenges that are valid, varied, verified and marked with the real output",
		// the six cells share one sandbox process and run at once: the Python cells wait on each
		// other's runs, the more so on a busy machine
		{ timeout: 240_000 },
		async ([language, difficulty], { expect }) => {
			// one learner's challenges: what they were served goes with each request, as the server sends it
			const results: GenerateResult[] = [];
			const served = () => results.map((r) => r.variantKey ?? "");
			for (let i = 0; i < CHALLENGES_PER_CELL; i++)
				results.push(
					await generator.generate({
						language,
						difficulty,
						exclude: new Set(served()),
						recent: served().reverse(),
					}),
				);

			const keys = new Set(results.map((r) => r.variantKey));
			expect(keys.size).toBeGreaterThanOrEqual(0.9 * CHALLENGES_PER_CELL);
			const withCode = results.filter((r) => r.challenge.code !== null);
			expect(withCode.length).toBeGreaterThanOrEqual(0.6 * CHALLENGES_PER_CELL);
			for (const { challenge } of results) {
				const parsed = ChallengeContentSchema.safeParse(challenge);
				expect(parsed.error?.issues ?? []).toEqual([]);
				expect(challenge).toMatchObject({
					language,
					difficulty,
					verified: true,
				});
				expect(new Set(challenge.options).size).toBe(4);
			}
			await Promise.all(
				withCode.map(async ({ challenge }) => {
					const code = challenge.code ?? "";
					const marked = challenge.options[challenge.correct_answer_id] ?? "";
					if (
						challenge.kind === "fill-in" ||
						challenge.kind === "fix-the-bug"
					) {
						const { program, expected } = statedCheck(
							challenge.kind,
							language,
							code,
							marked,
						);
						expect(await realResult(language, program), code).toBe(expected);
						return;
					}
					const real =
						challenge.kind === "error"
							? await realOutcome(language, code)
							: trimFinalNewline(await realOutput(language, code));
					expect(marked, code).toBe(real);
				}),
			);
		},
	);
});
