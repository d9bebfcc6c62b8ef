import { editDistance, tokens } from "../src/option-tokens.js";
import { createOfflineGenerator } from "../src/providers/offline.js";
import type { Sandbox } from "../src/sandbox/sandbox.js";
import { difficultiesOf, type Family } from "../src/templates/family.js";

/** What a code-blind guesser sees of a challenge: the snippet and the options, not the answer. */
export interface Shown {
	code: string;
	options: readonly string[];
}

/** A challenge as the generator served it, with the family it came from. */
export interface Served extends Shown {
	family: string;
	correctIndex: number;
}

/** A strategy that never reads the code's meaning; `picks` is every option it ranks first (ties included). */
export interface Guesser {
	name: string;
	picks(shown: Shown): number[];
}

// the same comparison the distractor selection makes
export { editDistance, tokens } from "../src/option-tokens.js";

/** Each option's summed token edit distance to the other options. */
export function distanceSums(options: readonly string[]): number[] {
	const split = options.map(tokens);
	return split.map((mine, i) =>
		split.reduce(
			(sum, other, j) => (i === j ? sum : sum + editDistance(mine, other)),
			0,
		),
	);
}

/** How many distinct tokens of each option also occur in the code. */
export function sharedTokens(code: string, options: readonly string[]) {
	const inCode = new Set(tokens(code));
	return options.map(
		(option) => new Set(tokens(option).filter((t) => inCode.has(t))).size,
	);
}

/** The indices holding the highest score. */
function best(scores: readonly number[]): number[] {
	const top = Math.max(...scores);
	return scores.flatMap((score, i) => (score === top ? [i] : []));
}

const negate = (scores: number[]) => scores.map((s) => -s);
const lengths = ({ options }: Shown) => options.map((o) => o.length);

/** The five code-blind strategies the issue names. */
export const GUESSERS: readonly Guesser[] = [
	{
		name: "closest to the others",
		picks: ({ options }) => best(negate(distanceSums(options))),
	},
	{
		name: "farthest from the others",
		picks: ({ options }) => best(distanceSums(options)),
	},
	{ name: "longest", picks: (shown) => best(lengths(shown)) },
	{ name: "shortest", picks: (shown) => best(negate(lengths(shown))) },
	{
		name: "most tokens shared with the code",
		picks: ({ code, options }) => best(sharedTokens(code, options)),
	},
];

/** A guesser's expected score on one challenge: 1/k when the answer is among its k tied picks. */
export function expectedHit(guesser: Guesser, served: Served): number {
	const picks = guesser.picks(served);
	return picks.includes(served.correctIndex) ? 1 / picks.length : 0;
}

/** Accuracy of one guesser over a set of challenges, overall and per family. */
export interface LeakReport {
	guesser: string;
	overall: number;
	count: number;
	byFamily: Map<string, { accuracy: number; count: number }>;
}

/** Each guesser's expected accuracy over these challenges (chance is 1 / the number of options). */
export function measureLeaks(
	served: readonly Served[],
	guessers: readonly Guesser[] = GUESSERS,
): LeakReport[] {
	return guessers.map((guesser) => {
		const hits = new Map<string, number[]>();
		for (const challenge of served) {
			const list = hits.get(challenge.family) ?? [];
			list.push(expectedHit(guesser, challenge));
			hits.set(challenge.family, list);
		}
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		const byFamily = new Map(
			[...hits].map(([family, xs]) => [
				family,
				{ accuracy: mean(xs), count: xs.length },
			]),
		);
		return {
			guesser: guesser.name,
			overall: mean([...hits.values()].flat()),
			count: served.length,
			byFamily,
		};
	});
}

/**
 * Serves `perFamily` challenges of every family through the real offline generator, one family at
 * a time and with fixed seeds, so that every family is measured and the run repeats exactly.
 */
export async function serveEveryFamily(
	sandbox: Sandbox,
	families: readonly Family[],
	perFamily: number,
): Promise<Served[]> {
	const languages = [...new Set(families.map((f) => f.language))];
	// the two languages run in separate interpreters, so they can overlap
	const lists = await Promise.all(
		languages.map(async (language) => {
			const list = families.filter((f) => f.language === language);
			const served: Served[] = [];
			for (const family of list) {
				const generator = createOfflineGenerator(sandbox, [family]);
				const difficulties = difficultiesOf(family);
				for (let seed = 1; seed <= perFamily; seed++) {
					const { challenge } = await generator.generate({
						language: family.language,
						difficulty: difficulties[seed % difficulties.length] ?? "easy",
						seed: seed * 7919,
					});
					served.push({
						family: family.id,
						code: challenge.code ?? "",
						options: challenge.options,
						correctIndex: challenge.correct_answer_id,
					});
				}
			}
			return served;
		}),
	);
	return lists.flat();
}
