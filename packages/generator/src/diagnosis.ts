import type { Misconception } from "@app/contract";
import type { Distractor } from "./distractors.js";
import type { Belief } from "./templates/belief.js";
import type { Diagnosis } from "./types.js";

/** The learner-facing sentence of a belief: "You may think that …." */
export const statementOf = (belief: Belief) =>
	`You may think that ${belief.text}${belief.text.endsWith(".") ? "" : "."}`;

/** A belief of an idea as the contract stores it: its id is stable across instances. */
export const misconceptionOf = (
	idea: string,
	belief: Belief,
): Misconception => ({
	id: `${idea}.${belief.key}`,
	idea,
	statement: statementOf(belief),
});

/**
 * The belief behind each option, in the served order: none for the answer or a near miss, else
 * the misconception of the mistake model (or pair of them) that produced the option.
 */
export function diagnosisOf(
	idea: string,
	options: readonly string[],
	correctIndex: number,
	distractors: readonly Distractor[],
): Diagnosis {
	const byText = new Map(distractors.map((d) => [d.text, d.misconception]));
	return {
		idea,
		misconceptions: options.map((option, index) => {
			const belief = index === correctIndex ? null : byText.get(option);
			return belief ? misconceptionOf(idea, belief) : null;
		}),
	};
}
