import { randomInt } from "node:crypto";
import type { ChallengeContent, Difficulty } from "@app/contract";
import { mistakePrograms } from "../combined-mistakes.js";
import { assembleOptions, type Distractor } from "../distractors.js";
import { createRng, hash32, type Rng } from "../rng.js";
import { runtimeOf } from "../runtime.js";
import { oneLine, optionOf } from "../sandbox/outcome-option.js";
import type { RunResult, Sandbox } from "../sandbox/sandbox.js";
import {
	type Drawn,
	draw,
	type Family,
	type OutcomeKind,
	spansDifficulty,
} from "../templates/family.js";
import { matchesTopic } from "../topic.js";
import {
	type GenerateRequest,
	type GenerateResult,
	type Generator,
	GeneratorError,
} from "../types.js";

/** Sandbox attempts before giving up: a broken instance, or one needing filler options, costs one. */
const MAX_ATTEMPTS = 12;
/**
 * Draws in a row that the user has all seen before a family counts as used up for them. Seen draws
 * cost no sandbox run, so this can be generous: a family whose unseen instances are 5% of its draws
 * still yields one 96% of the time.
 */
const DRAWS_PER_FAMILY = 64;

/** The key that identifies a challenge: the same family showing the same code is the same challenge. */
export const variantKey = (family: Family, code: string) =>
	`${family.id}:${hash32(code)}`;

/** An option inside a sentence: quoted, on one line. */
const quoted = (text: string) => `“${oneLine(text)}”`;

/** Why a run's output (or outcome) cannot be an option, for the generator's failure report. */
function unusable(run: RunResult, kind: OutcomeKind): string {
	const raised = kind === "error" && run.status === "error" && run.raised;
	if (run.status !== "ok" && !raised)
		return `${run.status}${"error" in run ? ` (${run.error})` : ""}`;
	if (!run.exact) return "output cannot be reproduced exactly";
	return "unusable output";
}

const TITLES = {
	output: "what does this code print?",
	error: "what happens when this runs?",
} as const;

/** The challenge's explanation: why the answer is right, then one note for each distractor a mistake model printed. */
export function explanation(why: string, distractors: Distractor[]): string {
	const notes = distractors
		.filter((d) => d.misconception)
		.map(
			(d) =>
				`• ${quoted(d.text)} is what you would predict if you thought that ${d.misconception}.`,
		);
	return notes.length ? `${why}\n\n${notes.join("\n")}` : why;
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
	families: readonly Family[],
	request: GenerateRequest,
): Family[][] {
	const preferred = familiesFor(families, request);
	const rest = families.filter(
		(f) =>
			f.language === request.language &&
			spansDifficulty(f, request.difficulty) &&
			!preferred.includes(f),
	);
	return [preferred, rest].filter((tier) => tier.length > 0);
}

interface Draw {
	drawn: Drawn;
	key: string;
	/** index of the tier it came from */
	tier: number;
	/** the user has seen it (or it was already tried in this request) */
	repeat: boolean;
}

/**
 * Instances in order of preference: unseen ones from the first tier until each of its families
 * seems used up for this user, then unseen ones from the next tier, and only after that repeats
 * from the first tier, without end. A key is offered once as unseen.
 */
function* drawInstances(
	tiers: readonly Family[][],
	rng: Rng,
	request: GenerateRequest,
): IterableIterator<Draw> {
	const seen = request.exclude ?? new Set<string>();
	const offered = new Set<string>();
	for (const [tier, families] of tiers.entries()) {
		const open = [...families];
		const misses = new Map<Family, number>();
		while (open.length > 0) {
			const family = rng.pick(open);
			const drawn = draw(family, rng, request.difficulty);
			const key = variantKey(family, drawn.instance.code);
			if (!seen.has(key) && !offered.has(key)) {
				offered.add(key);
				misses.set(family, 0);
				yield { drawn, key, tier, repeat: false };
				continue;
			}
			const count = (misses.get(family) ?? 0) + 1;
			misses.set(family, count);
			if (count >= DRAWS_PER_FAMILY) open.splice(open.indexOf(family), 1);
		}
	}
	const first = tiers[0] ?? [];
	while (first.length > 0) {
		const family = rng.pick(first);
		const drawn = draw(family, rng, request.difficulty);
		const key = variantKey(family, drawn.instance.code);
		yield { drawn, key, tier: 0, repeat: true };
	}
}

/** The offline generator: template families whose answers and distractors come from running code. */
export function createOfflineGenerator(
	sandbox: Sandbox,
	families: readonly Family[],
): Generator {
	/**
	 * Runs one instance and its mistakes; returns the challenge with how many of its options are
	 * filler rather than a mistake's output, or why this instance cannot be used.
	 */
	async function attempt(
		drawn: Drawn,
		key: string,
		difficulty: Difficulty,
	): Promise<{ result: GenerateResult; fillers: number } | string> {
		if (drawn.kind !== "output" && drawn.kind !== "error")
			return `${key}: not supported yet`;
		const { family, instance, kind } = drawn;
		const programs = mistakePrograms(instance);
		// all sent at once: the sandbox process runs them one after another, and each round trip
		// to it overlaps the runs before it
		const [real, ...variants] = await Promise.all(
			[instance.code, ...programs.map((program) => program.code)].map((code) =>
				sandbox.run(family.language, code),
			),
		);
		if (!real) return `${key}: nothing ran`;
		const runs = 1 + variants.length;
		const sandboxMs = [real, ...variants].reduce(
			(total, run) => total + run.durationMs,
			0,
		);
		const answer = optionOf(kind, real);
		if (answer === null) return `${key}: ${unusable(real, kind)}`;

		const candidates: Distractor[] = [];
		for (const [index, run] of variants.entries()) {
			const text = optionOf(kind, run);
			const program = programs[index];
			if (text !== null && program)
				candidates.push({
					text,
					origin: program.origin,
					misconception: program.misconception,
				});
		}
		const assembled = assembleOptions(
			answer,
			candidates,
			createRng(Number.parseInt(hash32(key), 16)),
			instance.code,
		);
		if (!assembled) return `${key}: fewer than three distinct wrong answers`;
		const challenge: ChallengeContent = {
			difficulty,
			language: family.language,
			kind,
			runtime: runtimeOf(family),
			title: `${family.title}: ${TITLES[kind]}`,
			code: instance.code,
			options: assembled.options,
			correct_answer_id: assembled.correctIndex,
			explanation: explanation(instance.explain(answer), assembled.distractors),
			verified: true,
			source: `offline:${family.id}`,
			verification: "executed",
		};
		return {
			result: {
				challenge,
				variantKey: key,
				report: { runs, sandboxMs, modelCalls: 0 },
			},
			fillers: assembled.distractors.filter((d) => d.misconception === null)
				.length,
		};
	}

	return {
		kind: "offline",
		async generate(request, signal) {
			const tiers = familyTiers(families, request);
			if (tiers.length === 0) {
				throw new GeneratorError(
					"unavailable",
					`No ${request.difficulty} ${request.language} templates are available.`,
				);
			}
			const rng = createRng(request.seed ?? randomInt(2 ** 31));
			const problems: string[] = [];
			// an unseen challenge with filler options, kept while a better one may still come
			let fallback: { result: GenerateResult; tier: number } | undefined;
			let attempts = 0;
			const draws = drawInstances(tiers, rng, request);
			for (const { drawn, key, tier, repeat } of draws) {
				signal?.throwIfAborted();
				// filler beats leaving the topic, and beats a repeat
				if (fallback && (tier > fallback.tier || repeat))
					return fallback.result;
				if (attempts >= MAX_ATTEMPTS) break;
				attempts += 1;
				const outcome = await attempt(drawn, key, request.difficulty);
				if (typeof outcome === "string") problems.push(outcome);
				else if (outcome.fillers === 0 || repeat) return outcome.result;
				else fallback ??= { result: outcome.result, tier };
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
