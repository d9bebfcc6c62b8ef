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

/**
 * Puts the real output and three distinct wrong ones in random order. Mistake-model outputs come
 * first; gaps are filled with near misses of those wrong outputs, and only as a last resort with
 * near misses of the answer. No option equals another. Returns null when three cannot be found.
 */
export function assembleOptions(
	answer: string,
	candidates: Distractor[],
	rng: Rng,
): Options | null {
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
	const wrong = distractors.map((d) => d.text);
	for (const text of rng.shuffle(wrong.flatMap(nearMisses)))
		take({ text, misconception: null });
	for (const text of rng.shuffle(nearMisses(answer)))
		take({ text, misconception: null });
	if (distractors.length < OPTION_COUNT - 1) return null;
	const options = rng.shuffle([answer, ...distractors.map((d) => d.text)]);
	return { options, correctIndex: options.indexOf(answer), distractors };
}
