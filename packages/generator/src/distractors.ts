import { OPTION_COUNT } from "@app/contract";
import type { Rng } from "./rng.js";

/** A wrong option and, when it came from a mistake model, the misconception behind it. */
export interface Distractor {
	text: string;
	misconception: string | null;
}

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

/** Near misses of the real output, used only when mistake models give fewer than three distinct answers. */
export function nearMisses(answer: string): string[] {
	const out: string[] = [];
	const numbers = [...answer.matchAll(NUMBER)];
	for (const match of numbers) {
		const value = Number(match[0]);
		const at = match.index ?? 0;
		const isFloat = match[0].includes(".");
		for (const replacement of isFloat
			? [value * 2, value + 1]
			: [value + 1, value - 1, value * 2]) {
			const text = isFloat
				? String(Number(replacement.toFixed(6)))
				: String(replacement);
			out.push(answer.slice(0, at) + text + answer.slice(at + match[0].length));
		}
	}
	for (const [pattern, replacement] of SWAPS)
		if (pattern.test(answer)) out.push(answer.replace(pattern, replacement));
	const lines = answer.split("\n");
	if (lines.length > 1) {
		out.push([...lines].reverse().join("\n"));
		out.push(lines.slice(0, -1).join("\n"));
	}
	out.push(`${answer} ${answer}`);
	return out;
}

/**
 * Puts the real output and three distinct wrong ones in random order. Mistake-model outputs come
 * first, near misses fill the gaps; no option ever equals another or the answer.
 */
export function assembleOptions(
	answer: string,
	candidates: Distractor[],
	rng: Rng,
): Options {
	const seen = new Set([answer]);
	const distractors: Distractor[] = [];
	const take = (candidate: Distractor) => {
		if (
			distractors.length >= OPTION_COUNT - 1 ||
			candidate.text.trim() === "" ||
			seen.has(candidate.text)
		)
			return;
		seen.add(candidate.text);
		distractors.push(candidate);
	};
	for (const candidate of rng.shuffle(candidates)) take(candidate);
	for (const text of rng.shuffle(nearMisses(answer)))
		take({ text, misconception: null });
	if (distractors.length < OPTION_COUNT - 1)
		throw new Error(
			`cannot find three distractors for ${JSON.stringify(answer)}`,
		);
	const options = rng.shuffle([answer, ...distractors.map((d) => d.text)]);
	return { options, correctIndex: options.indexOf(answer), distractors };
}
