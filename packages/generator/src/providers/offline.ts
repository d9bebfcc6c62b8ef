import { randomInt } from "node:crypto";
import type { ChallengeContent, Difficulty } from "@app/contract";
import { diagnosisOf } from "../diagnosis.js";
import { assembleOptions, type Distractor } from "../distractors.js";
import { prove } from "../kinds/prove.js";
import { createRng, hash32, type Rng } from "../rng.js";
import { runtimeOf } from "../runtime.js";
import { oneLine } from "../sandbox/outcome-option.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import {
	type Drawn,
	draw,
	type Family,
	type FamilyKind,
	kindOf,
	spansDifficulty,
} from "../templates/family.js";
import { matchesTopic } from "../topic.js";
import {
	type GenerateRequest,
	type GenerateResult,
	type Generator,
	GeneratorError,
} from "../types.js";
import { identityOf, LOOK_WINDOW, lookOf, variantKey } from "../variety.js";
import { narrowToIdea } from "./by-idea.js";
import { LIBRARY_CAPACITY, ProvenLibrary } from "./proven-library.js";

export { variantKey } from "../variety.js";

/** Sandbox attempts before giving up: a broken instance, or one needing filler options, costs one. */
const MAX_ATTEMPTS = 12;
/**
 * Draws in a row that the user has all seen before a family counts as used up for them. Seen draws
 * cost no sandbox run, so this can be generous: a family whose unseen instances are 5% of its draws
 * still yields one 96% of the time.
 */
const DRAWS_PER_FAMILY = 64;
/**
 * Families tried for a proven challenge the library holds before a new instance is drawn: each
 * is picked as a draw would pick it, so the mix of families and kinds stays the same, while
 * users who ask at once share more of what was proven for one of them.
 */
const LIBRARY_PICKS = 8;
/**
 * The share of draws that ask something other than "what does this print?" (what happens, fill
 * in the blank, fix the bug) when the families drawn from offer both, whatever their numbers.
 */
const OTHER_KINDS_SHARE = 0.4;

/** An option inside a sentence: quoted, on one line. */
const quoted = (text: string) => `“${oneLine(text)}”`;

const TITLES: Record<FamilyKind, string> = {
	output: "what does this code print?",
	error: "what happens when this runs?",
	"fill-in": "what fills the blank?",
	"fix-the-bug": "which change fixes it?",
};

/** How a learner comes to a wrong option: predicting what code does, or choosing what to write. */
const VERBS: Record<FamilyKind, string> = {
	output: "predict",
	error: "predict",
	"fill-in": "choose",
	"fix-the-bug": "choose",
};

/**
 * The challenge's explanation: why the answer is right, the trace of intermediate values when
 * there is one, then one note for each distractor a mistake model gave.
 */
export function explanation(
	why: string,
	distractors: Distractor[],
	{
		trace = [],
		kind = "output",
	}: { trace?: readonly string[]; kind?: FamilyKind } = {},
): string {
	const steps = trace.length ? [`Step by step:\n${trace.join("\n")}`] : [];
	const notes = distractors
		.filter((d) => d.misconception)
		.map(
			(d) =>
				`• ${quoted(d.text)} is what you would ${VERBS[kind]} if you thought that ${d.misconception?.text}.`,
		);
	return [why, ...steps, ...(notes.length ? [notes.join("\n")] : [])].join(
		"\n\n",
	);
}

/** Picks the families for a request: its language and difficulty, narrowed to the topic when any family matches it. */
export function familiesFor(
	families: readonly Family[],
	request: GenerateRequest,
): Family[] {
	const cell = families.filter(
		(f) =>
			f.language === request.language && spansDifficulty(f, request.difficulty),
	);
	const onTopic = request.topic
		? cell.filter((f) => matchesTopic(f, request.topic ?? ""))
		: [];
	return onTopic.length ? onTopic : cell;
}

/** The families to draw from, in order of preference: those familiesFor picks, then the rest of the cell. */
function familyTiers(
	all: readonly Family[],
	request: GenerateRequest,
): Family[][] {
	const families = request.kind
		? all.filter((f) => kindOf(f) === request.kind)
		: all;
	const preferred = familiesFor(families, request);
	const rest = families.filter(
		(f) =>
			f.language === request.language &&
			spansDifficulty(f, request.difficulty) &&
			!preferred.includes(f),
	);
	return [preferred, rest].filter((tier) => tier.length > 0);
}

/** A family to draw from: of another kind than `output` OTHER_KINDS_SHARE of the time, when both are open. */
export function pickFamily(open: readonly Family[], rng: Rng): Family {
	const output = open.filter((f) => kindOf(f) === "output");
	const other = open.filter((f) => kindOf(f) !== "output");
	if (output.length === 0 || other.length === 0) return rng.pick(open);
	const share = Math.max(OTHER_KINDS_SHARE, other.length / open.length);
	return rng.pick(rng.next() < share ? other : output);
}

/**
 * The text a draw's variant key is made from: its code, and for a fill-in its answer too, since
 * one snippet with a blank can ask for different fillings.
 */
const keyText = (drawn: Drawn) =>
	drawn.kind === "fill-in"
		? `${drawn.instance.code}\n${drawn.instance.answer}`
		: drawn.instance.code;

/**
 * An instance to serve: drawn anew, or as the challenge it makes when the library has it proven.
 * Its rank says how good a draw it is, lower first: 2 × its tier, plus 1 if it looks like a
 * recent one; repeats are Infinity.
 */
type Draw = { key: string; rank: number } & (
	| { drawn: Drawn }
	| { proven: Served }
);

/** Where the library keeps what one draw from a family at a difficulty could give. */
const shelfOf = (family: Family, difficulty: Difficulty) =>
	`${family.id}\u0000${difficulty}`;

/**
 * Instances in order of preference. From each tier: unseen ones that look like none of the
 * user's recent challenges until each family seems used up for this user, then unseen ones that
 * do. After the last tier, repeats from the first, without end. A challenge is offered once as
 * unseen. Each unseen draw from a family is first looked for among the challenges the library
 * holds proven for it, then drawn anew.
 */
function* drawInstances(
	tiers: readonly Family[][],
	rng: Rng,
	request: GenerateRequest,
	library: ProvenLibrary<Served> | undefined,
): IterableIterator<Draw> {
	// looked up as given: a copy per request would cost as much as the user's whole history
	const exclude = request.exclude ?? new Set<string>();
	const recent = new Set(
		(request.recent ?? [])
			.slice(0, LOOK_WINDOW)
			.flatMap((k) => lookOf(k) ?? []),
	);
	const offered = new Set<string>();
	const unseen = (key: string, alike: boolean) => {
		const id = identityOf(key);
		// a key stored before shapes were added is its identity; one stored since is the key itself
		return (
			!exclude.has(key) &&
			!exclude.has(id) &&
			!offered.has(id) &&
			(alike || !recent.has(lookOf(key) ?? ""))
		);
	};
	/** an unseen kept challenge of the family, or of one of the next families drawn as it was */
	const keptFor = (
		library: ProvenLibrary<Served>,
		family: Family,
		open: readonly Family[],
		alike: boolean,
	) => {
		for (let pick = 0; pick < LIBRARY_PICKS; pick++) {
			const from = pick === 0 ? family : pickFamily(open, rng);
			const kept = library.find(
				shelfOf(from, request.difficulty),
				rng.int(0, 2 ** 30),
				(key) => unseen(key, alike),
			);
			if (kept) return { ...kept, family: from };
		}
		return undefined;
	};
	for (const [tier, families] of tiers.entries()) {
		for (const alike of [false, true]) {
			const open = [...families];
			const misses = new Map<Family, number>();
			while (open.length > 0) {
				const family = pickFamily(open, rng);
				const rank = 2 * tier + (alike ? 1 : 0);
				const kept = library && keptFor(library, family, open, alike);
				if (kept) {
					offered.add(identityOf(kept.key));
					misses.set(kept.family, 0);
					yield { key: kept.key, rank, proven: kept.value };
					continue;
				}
				const drawn = draw(family, rng, request.difficulty);
				const key = variantKey(family, keyText(drawn));
				if (unseen(key, alike)) {
					offered.add(identityOf(key));
					misses.set(family, 0);
					yield { drawn, key, rank };
					continue;
				}
				const count = (misses.get(family) ?? 0) + 1;
				misses.set(family, count);
				if (count >= DRAWS_PER_FAMILY) open.splice(open.indexOf(family), 1);
			}
		}
	}
	const first = tiers[0] ?? [];
	while (first.length > 0) {
		const family = pickFamily(first, rng);
		const drawn = draw(family, rng, request.difficulty);
		yield {
			drawn,
			key: variantKey(family, keyText(drawn)),
			rank: Number.POSITIVE_INFINITY,
		};
	}
}

/** A served challenge, with how many of its options are filler rather than a proven mistake. */
export interface Served {
	result: GenerateResult;
	fillers: number;
}

/**
 * Runs one drawn instance as its kind requires and turns it into the challenge served at the given
 * difficulty, with the belief behind each option; or says why this instance cannot be used.
 */
export async function serve(
	sandbox: Sandbox,
	drawn: Drawn,
	key: string,
	difficulty: Difficulty,
): Promise<Served | string> {
	const { family, kind } = drawn;
	const proof = await prove(sandbox, drawn);
	if (typeof proof === "string") return `${key}: ${proof}`;
	const assembled = assembleOptions(
		proof.answer,
		proof.candidates,
		createRng(Number.parseInt(hash32(key), 16)),
		proof.code,
	);
	if (!assembled) return `${key}: fewer than three distinct wrong answers`;
	const fillers = assembled.distractors.filter(
		(d) => d.misconception === null,
	).length;
	// a filler is a near miss of an output, never run as a filling or a change
	if (fillers > 0 && kind !== "output" && kind !== "error")
		return `${key}: fewer than three wrong options proven wrong`;
	const challenge: ChallengeContent = {
		difficulty,
		language: family.language,
		kind,
		runtime: runtimeOf(family),
		title: `${family.title}: ${TITLES[kind]}`,
		code: proof.code,
		options: assembled.options,
		correct_answer_id: assembled.correctIndex,
		explanation: explanation(proof.why, assembled.distractors, {
			kind,
			...(proof.trace ? { trace: proof.trace } : {}),
		}),
		verified: true,
		source: `offline:${family.id}`,
		verification: "executed",
	};
	return {
		result: {
			challenge,
			diagnosis: diagnosisOf(
				family.idea,
				assembled.options,
				assembled.correctIndex,
				assembled.distractors,
			),
			variantKey: key,
			report: { runs: proof.runs, sandboxMs: proof.sandboxMs, modelCalls: 0 },
		},
		fillers,
	};
}

/** A kept challenge served again: it cost no sandbox run this time. */
const reused = (served: Served): Served => ({
	...served,
	result: {
		...served.result,
		report: { runs: 0, sandboxMs: 0, modelCalls: 0, reused: true },
	},
});

/**
 * The offline generator: template families whose answers and distractors come from running code.
 * What it proves it keeps in a library of `libraryCapacity` challenges (0: none), served again to
 * users who have not seen them.
 */
export function createOfflineGenerator(
	sandbox: Sandbox,
	families: readonly Family[],
	{ libraryCapacity = LIBRARY_CAPACITY }: { libraryCapacity?: number } = {},
): Generator {
	const library = new ProvenLibrary<Served>(libraryCapacity);
	return {
		kind: "offline",
		async generate(asked, signal) {
			// on an idea, its families at the nearest level they span
			const narrowed = narrowToIdea(families, asked);
			const request = narrowed.request;
			const tiers = familyTiers(narrowed.families, request);
			if (tiers.length === 0) {
				throw new GeneratorError(
					"unavailable",
					`No ${request.difficulty} ${request.language}${request.kind ? ` ${request.kind}` : ""} templates are available.`,
				);
			}
			const rng = createRng(request.seed ?? randomInt(2 ** 31));
			const problems: string[] = [];
			// an unseen challenge with filler options, kept while a better one may still come
			let fallback: { result: GenerateResult; rank: number } | undefined;
			let attempts = 0;
			// a seeded request reproduces its draws, whatever the library holds
			const reuse = request.seed === undefined ? library : undefined;
			for (const next of drawInstances(tiers, rng, request, reuse)) {
				signal?.throwIfAborted();
				const { key, rank } = next;
				// filler beats leaving the topic, looking like a recent challenge, and a repeat
				if (fallback && rank > fallback.rank) return fallback.result;
				let outcome: Served | string;
				if ("proven" in next) outcome = reused(next.proven);
				else {
					if (attempts >= MAX_ATTEMPTS) break;
					attempts += 1;
					outcome = await serve(sandbox, next.drawn, key, request.difficulty);
					if (typeof outcome !== "string")
						library.keep(
							shelfOf(next.drawn.family, request.difficulty),
							key,
							outcome,
						);
				}
				if (typeof outcome === "string") problems.push(outcome);
				else if (outcome.fillers === 0 || rank === Number.POSITIVE_INFINITY)
					return outcome.result;
				else fallback ??= { result: outcome.result, rank };
			}
			if (fallback) return fallback.result;
			throw new GeneratorError(
				"failed",
				"Could not produce a verified challenge; please try again.",
				{ cause: new Error(problems.join("; ")) },
			);
		},
		warm: () => sandbox.warm(),
		close: () => sandbox.close(),
	};
}
