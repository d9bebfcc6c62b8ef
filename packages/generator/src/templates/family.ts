import type { ChallengeKind, Difficulty, Language } from "@app/contract";
import type { Rng } from "../rng.js";
import type { Belief } from "./belief.js";

/** What a family's challenges ask: see CHALLENGE_KINDS in the contract. */
export type FamilyKind = ChallengeKind;
/** The kinds whose options are what a run does: its output, or its outcome (output and exception). */
export type OutcomeKind = Extract<ChallengeKind, "output" | "error">;

/** A deliberately wrong version of the snippet: what a learner with one misconception would expect. */
export interface Mistake {
	/** the misconception, as a clause that completes "… if you think that …" (write it with `belief`) */
	misconception: Belief;
	/** the program that prints what that learner would predict */
	code: string;
}

/** One concrete `output` or `error` question built from a family and its parameters. */
export interface Instance {
	/** the snippet the learner reads; its real output (in an `error` family, its outcome) is the answer */
	code: string;
	/** mistaken variants whose outputs (or outcomes) become the distractors */
	mistakes: Mistake[];
	/** why the real output is what it is, with this instance's values */
	explain(answer: string): string;
	/**
	 * `output` families: the intermediate values, one short step per line ("i = 2: total = 3"),
	 * shown under the explanation so a learner can find where their reasoning parted.
	 */
	trace?: readonly string[];
}

/** What the learner's blank is filled with in a `fill-in` snippet. */
export const BLANK = "____";

/** A wrong option of a `fill-in` or `fix-the-bug` question, and the belief that leads to it. */
export interface WrongChoice {
	/** the misconception, as a clause that completes "… if you think that …" (write it with `belief`) */
	misconception: Belief;
}

/** One `fill-in` question: which option, put in the blank, makes the code print what it should. */
export interface FillIn {
	/** the program with BLANK once, where an option goes; the blank shows as BLANK */
	code: string;
	/** what fills the blank so the program prints the stated output (the output it prints is proven by running it) */
	answer: string;
	/** other fillings, each run: those that print the stated output too are dropped */
	wrong: (WrongChoice & { option: string })[];
	/** why the answer gives the stated output, with this instance's values */
	explain(output: string): string;
}

/** A change to one line of a `fix-the-bug` function: its 1-based line number and what it reads after. */
export interface LineChange {
	line: number;
	/** the whole new line, indentation included */
	text: string;
}

/** The first example on which the shown function goes wrong, as running it and the reference showed. */
export interface FailingExample {
	/** the call, as written in the examples */
	call: string;
	/** what the reference returns, as the harness prints it (repr in Python, JSON in JavaScript) */
	expected: string;
	/** what the shown function returns, or "raises TypeError" */
	actual: string;
}

/** One `fix-the-bug` question: which one-line change makes the function do what it says. */
export interface FixTheBug {
	/** the function as the learner reads it: its intent in a comment or docstring, one line wrong */
	code: string;
	/** the change that fixes it */
	fix: LineChange;
	/** changes a learner might make instead; each is run, and those that pass every example are dropped */
	wrong: (WrongChoice & LineChange)[];
	/**
	 * A trusted implementation of the intent under the same name, written differently: the fix
	 * must return what it returns on every example, and the shown function must not.
	 */
	reference: string;
	/** calls of the function, as source, that the options are checked with */
	examples: readonly string[];
	/** why the fix is right, given the example the shown code fails */
	explain(failing: FailingExample): string;
}

interface FamilyBase<P> {
	/** stable id, `<language>/<name>`; part of every challenge's variant key */
	id: string;
	language: Language;
	/** the idea it teaches: an id of IDEAS (`src/ideas.ts`) in the family's language */
	idea: string;
	/**
	 * The difficulty of its challenges, or the difficulties its variants span: then `params`
	 * builds one of the difficulty asked for (how many steps, how many ideas interact).
	 */
	difficulty: Difficulty | readonly Difficulty[];
	/** a short headline naming the idea, e.g. "List aliasing" */
	title: string;
	/** tags a user's topic is matched against */
	topics: readonly string[];
	/**
	 * JavaScript only, for a family whose point is sloppy mode: its snippets run without
	 * "use strict", and the challenge's runtime says so. Every other JavaScript snippet starts
	 * with "use strict", so it prints the same in Node.js and in a browser console.
	 */
	sloppyMode?: true;
	/** draws the parameters of one instance of the given difficulty (one the family spans) */
	params(rng: Rng, difficulty: Difficulty): P;
}

/** A family of `output` questions (the default), or of `error` questions, whose snippet and mistakes may raise. */
export interface OutcomeFamily<P = unknown> extends FamilyBase<P> {
	kind?: OutcomeKind;
	build(params: P): Instance;
}

export interface FillInFamily<P = unknown> extends FamilyBase<P> {
	kind: "fill-in";
	build(params: P): FillIn;
}

export interface FixTheBugFamily<P = unknown> extends FamilyBase<P> {
	kind: "fix-the-bug";
	build(params: P): FixTheBug;
}

/**
 * A template family: one idea taught through many parameterised snippets. Families are data
 * plus pure functions; all randomness comes from the rng they are given.
 */
export type Family<P = unknown> =
	| OutcomeFamily<P>
	| FillInFamily<P>
	| FixTheBugFamily<P>;

/** A family's instance together with the family, so the kind of one tells the shape of the other. */
export type Drawn =
	| { kind: OutcomeKind; family: OutcomeFamily; instance: Instance }
	| { kind: "fill-in"; family: FillInFamily; instance: FillIn }
	| { kind: "fix-the-bug"; family: FixTheBugFamily; instance: FixTheBug };

export const kindOf = (family: Family): FamilyKind => family.kind ?? "output";

export const isOutcomeFamily = (family: Family): family is OutcomeFamily =>
	family.kind === undefined ||
	family.kind === "output" ||
	family.kind === "error";

/** The difficulties a family's variants span. */
export const difficultiesOf = (family: Family): readonly Difficulty[] =>
	typeof family.difficulty === "string"
		? [family.difficulty]
		: family.difficulty;

export const spansDifficulty = (family: Family, difficulty: Difficulty) =>
	difficultiesOf(family).includes(difficulty);

/** Builds one instance of the family at the given difficulty, with its kind alongside. */
export function draw(family: Family, rng: Rng, difficulty: Difficulty): Drawn {
	if (isOutcomeFamily(family))
		return {
			kind: family.kind ?? "output",
			family,
			instance: family.build(family.params(rng, difficulty)),
		};
	switch (family.kind) {
		case "fill-in":
			return {
				kind: family.kind,
				family,
				instance: family.build(family.params(rng, difficulty)),
			};
		case "fix-the-bug":
			return {
				kind: family.kind,
				family,
				instance: family.build(family.params(rng, difficulty)),
			};
	}
}

/** The directive every strict JavaScript snippet and program begins with. */
export const USE_STRICT = '"use strict";\n';

const strict = (code: string) => USE_STRICT + code;
/** A line change moved down one line, for the directive put above the function. */
const below = <C extends LineChange>(change: C): C => ({
	...change,
	line: change.line + 1,
});

/** The same family with every program it builds starting with "use strict". */
function strictFamily(family: Family): Family {
	if (isOutcomeFamily(family))
		return {
			...family,
			build: (params) => {
				const instance = family.build(params);
				return {
					...instance,
					code: strict(instance.code),
					mistakes: instance.mistakes.map((mistake) => ({
						...mistake,
						code: strict(mistake.code),
					})),
				};
			},
		};
	switch (family.kind) {
		case "fill-in":
			return {
				...family,
				build: (params) => {
					const instance = family.build(params);
					return { ...instance, code: strict(instance.code) };
				},
			};
		case "fix-the-bug":
			return {
				...family,
				build: (params) => {
					const instance = family.build(params);
					return {
						...instance,
						code: strict(instance.code),
						reference: strict(instance.reference),
						fix: below(instance.fix),
						wrong: instance.wrong.map(below),
					};
				},
			};
	}
}

/**
 * Declares a family with its parameter type checked (the registry stores them type-erased). A
 * JavaScript family's programs run in strict mode unless it is about sloppy mode.
 */
export function defineFamily<P>(family: Family<P>): Family {
	const erased = family as Family;
	return family.language !== "javascript" || family.sloppyMode
		? erased
		: strictFamily(erased);
}
