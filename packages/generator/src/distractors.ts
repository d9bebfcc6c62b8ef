import { OPTION_COUNT } from "@app/contract";
import { editDistance, tokens } from "./option-tokens.js";
import type { Rng } from "./rng.js";
import type { Belief } from "./templates/belief.js";

/**
 * A wrong option and where it came from: one mistake model's program, a program holding two
 * mistakes at once (both count as from mistake models, and carry a misconception), or a near miss
 * of another wrong option (filler, with none).
 */
export type Distractor =
	| { text: string; origin: "mistake" | "combination"; misconception: Belief }
	| { text: string; origin: "near miss"; misconception: null };

export interface Options {
	options: string[];
	correctIndex: number;
	distractors: Distractor[];
}

const NUMBER = /-?\d+(?:\.\d+)?/g;
const SWAPS: [RegExp, string][] = [
	[/\bTrue\b/, "False"],
	[/\bFalse\b/, "True"],
	[/\btrue\b/, "false"],
	[/\bfalse\b/, "true"],
];

/**
 * Small, plausible changes to an output: one number off by one or doubled, a boolean flipped, the
 * lines in another order, the last line or list item missing, a character more or less.
 */
export function nearMisses(text: string): string[] {
	const out: string[] = [];
	for (const match of text.matchAll(NUMBER)) {
		const value = Number(match[0]);
		const at = match.index ?? 0;
		const isFloat = match[0].includes(".");
		for (const replacement of isFloat
			? [value * 2, value + 1]
			: [value + 1, value - 1, value * 2]) {
			const shown = isFloat
				? String(Number(replacement.toFixed(6)))
				: String(replacement);
			out.push(text.slice(0, at) + shown + text.slice(at + match[0].length));
		}
	}
	for (const [pattern, replacement] of SWAPS)
		if (pattern.test(text)) out.push(text.replace(pattern, replacement));
	const lines = text.split("\n");
	if (lines.length > 1) {
		out.push([...lines].reverse().join("\n"));
		out.push(lines.slice(0, -1).join("\n"));
	}
	const lastItem = /, [^,[\]]+?(\s?\])$/;
	if (lastItem.test(text)) out.push(text.replace(lastItem, "$1"));
	if (!/\d/.test(text) && text.length > 2 && !text.includes("\n"))
		out.push(text.slice(0, -1), text.slice(1));
	return out;
}

/** Where `own` ranks among `all` (itself included), from 0 (lowest) to all.length - 1; ties share the middle. */
function rankOf(own: number, all: readonly number[]): number {
	const below = all.filter((v) => v < own).length;
	const level = all.filter((v) => v === own).length - 1;
	return below + level / 2;
}

/**
 * A code-blind guesser's expected score when it takes the option(s) holding the highest value: 1/k
 * when the answer (the first value) is among k tied at the top, else 0.
 */
function topShare(values: readonly number[]): number {
	const top = Math.max(...values);
	if (values[0] !== top) return 0;
	return 1 / values.filter((v) => v === top).length;
}

const negated = (values: readonly number[]) => values.map((v) => -v);

/**
 * What one step of the answer's rank away from its drawn target costs, against about 1 for a
 * guesser that picks the answer: it varies where the answer stands among triples that no guesser
 * picks it from, and seldom outweighs handing one the answer.
 */
const RANK_COST = 0.1;
/** Mistake outputs and near misses the selection weighs (their triples grow with the cube). */
const POOL_CAP = 8;
/**
 * How far each guesser's starting weight is drawn from 1, per instance, so that guessers an
 * instance cannot keep from the answer take turns rather than always the same one.
 */
const WEIGHT_SPREAD = 0.5;
/** Rounds of the game between the selection and the guessers (see pickTriple), and its step. */
const ROUNDS = 60;
const STEP = 0.25;

/** A triple the selection may take: each guesser's expected score on it, and its other costs. */
interface Scored {
	triple: number[];
	hits: number[];
	/** near misses in it: only the triples with the fewest are weighed, so a filler only fills a gap */
	fillers: number;
	/** how far the answer's ranks lie from the instance's drawn ranks */
	offTarget: number;
}

/**
 * Picks three wrong options so that nothing but the code tells the answer apart. Every wrong
 * option is the answer with a mistake applied, so left alone the answer would be the option
 * closest to the rest; and a belief that stops a run early, or names a shorter exception, tends
 * to make it the longest. So each triple is scored by what the five code-blind guessers would
 * get on it (the option closest to the others, farthest from them, longest, shortest, sharing
 * most tokens with the code; a tie splits the point).
 *
 * Taking the cheapest triple every time would hand the answer to the same guesser whenever an
 * instance's mistakes leave one that cannot be beaten, and an instance whose every triple helps
 * some guesser is common. So the selection plays a few rounds against the guessers: each round
 * it takes the triple cheapest under the guessers' weights, and the guessers it helped weigh
 * more in the next; the triple served is drawn from those rounds, so over many instances each
 * guesser gets as little as the mistakes allow. A small cost prefers triples in which the
 * answer's rank on closeness, length and shared tokens lies near ranks drawn for the instance,
 * so that among equally safe triples the answer is not always the middle option.
 */
function pickTriple(
	answer: string,
	pool: Distractor[],
	code: string,
	rng: Rng,
): Distractor[] {
	const texts = [answer, ...pool.map((d) => d.text)];
	const split = texts.map(tokens);
	const distance = split.map((a) => split.map((b) => editDistance(a, b)));
	const inCode = new Set(tokens(code));
	const shared = split.map((t) => new Set(t.filter((x) => inCode.has(x))).size);
	const targets = [0, 1, 2].map(() => rng.int(0, OPTION_COUNT - 1));
	const scored: Scored[] = [];
	for (let a = 1; a < texts.length; a++)
		for (let b = a + 1; b < texts.length; b++)
			for (let c = b + 1; c < texts.length; c++) {
				const four = [0, a, b, c];
				const sums = four.map((i) =>
					four.reduce((sum, j) => sum + (distance[i]?.[j] ?? 0), 0),
				);
				const lengths = four.map((i) => texts[i]?.length ?? 0);
				const inCommon = four.map((i) => shared[i] ?? 0);
				scored.push({
					triple: [a, b, c],
					hits: [
						topShare(negated(sums)),
						topShare(sums),
						topShare(lengths),
						topShare(negated(lengths)),
						topShare(inCommon),
					],
					fillers: [a, b, c].filter((i) => pool[i - 1]?.origin === "near miss")
						.length,
					offTarget: [sums, lengths, inCommon].reduce(
						(sum, values, m) =>
							sum +
							Math.abs(rankOf(values[0] ?? 0, values) - (targets[m] ?? 0)),
						0,
					),
				});
			}
	const fewest = Math.min(...scored.map((s) => s.fillers));
	const open = scored.filter((s) => s.fillers === fewest);
	const weights = [0, 1, 2, 3, 4].map(
		() => 1 + WEIGHT_SPREAD * (rng.next() - 0.5),
	);
	const taken = open.map(() => 0);
	for (let round = 0; round < ROUNDS; round++) {
		let cheapest = 0;
		let lowest = Number.POSITIVE_INFINITY;
		// index loops: this runs ROUNDS × triples times per instance, and allocates nothing
		for (let t = 0; t < open.length; t++) {
			const s = open[t] as Scored;
			let cost = 0;
			for (let g = 0; g < s.hits.length; g++)
				cost += (s.hits[g] ?? 0) * (weights[g] ?? 1);
			cost += RANK_COST * s.offTarget;
			if (cost < lowest - 1e-9) {
				lowest = cost;
				cheapest = t;
			}
		}
		taken[cheapest] = (taken[cheapest] ?? 0) + 1;
		const hits = open[cheapest]?.hits ?? [];
		for (const g of weights.keys())
			weights[g] = (weights[g] ?? 1) * Math.exp(STEP * (hits[g] ?? 0));
	}
	let drawn = rng.next() * ROUNDS;
	let at = 0;
	while (at < taken.length - 1 && drawn >= (taken[at] ?? 0)) {
		drawn -= taken[at] ?? 0;
		at++;
	}
	return (open[at]?.triple ?? []).flatMap((i) => pool[i - 1] ?? []);
}

/**
 * Puts the real output and three distinct wrong ones in random order. Wrong options come from
 * mistake models and their combinations; near misses of those fill gaps, and only as a last resort
 * near misses of the answer. Among the possible triples it takes the one in which the answer stands
 * out least (see pickTriple). Returns null when three cannot be found.
 */
export function assembleOptions(
	answer: string,
	candidates: Distractor[],
	rng: Rng,
	code = "",
): Options | null {
	const seen = new Set([answer]);
	const pool: Distractor[] = [];
	const take = (candidate: Distractor, cap: number) => {
		if (
			pool.length >= cap ||
			candidate.text.trim() === "" ||
			seen.has(candidate.text)
		)
			return;
		seen.add(candidate.text);
		pool.push(candidate);
	};
	for (const candidate of rng.shuffle(candidates)) take(candidate, POOL_CAP);
	const wrong = pool.map((d) => d.text);
	const fillers = POOL_CAP + OPTION_COUNT - 1;
	for (const text of rng.shuffle(wrong.flatMap(nearMisses)))
		take({ text, origin: "near miss", misconception: null }, fillers);
	if (pool.length < OPTION_COUNT - 1)
		for (const text of rng.shuffle(nearMisses(answer)))
			take({ text, origin: "near miss", misconception: null }, fillers);
	if (pool.length < OPTION_COUNT - 1) return null;
	const distractors = pickTriple(answer, pool, code, rng);
	const options = rng.shuffle([answer, ...distractors.map((d) => d.text)]);
	return { options, correctIndex: options.indexOf(answer), distractors };
}
