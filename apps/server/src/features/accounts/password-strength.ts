import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * zxcvbn's score 2 means at least a million guesses: the commonest passwords, keyboard walks,
 * repeats and dictionary words with digits (score 0 or 1) are refused, a passphrase is not.
 */
const MIN_SCORE = 2;
/**
 * Only the start is judged: zxcvbn's time grows with length (half a second for 128 repeated
 * characters), and a password whose first 64 characters are weak is weak.
 */
const JUDGED_LENGTH = 64;

/** Built on first use and kept: its dictionaries take a few hundred milliseconds to load, and never change. */
let estimator: ZxcvbnFactory | undefined;
const estimate = () => {
	estimator ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...english.dictionary },
		graphs: common.adjacencyGraphs,
		translations: english.translations,
		maxLength: JUDGED_LENGTH,
	});
	return estimator;
};

const sentence = (text: string) =>
	text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");

/**
 * Why a password is too easy to guess, for a person, or null when it is strong enough. The
 * email counts as a guess too: a password made of it is refused.
 */
export function passwordWeakness(
	password: string,
	email: string,
): string | null {
	const { score, feedback } = estimate().check(password, [
		email,
		email.split("@")[0] ?? email,
	]);
	if (score >= MIN_SCORE) return null;
	const reason = feedback.warning ? `: ${sentence(feedback.warning)}` : "";
	const advice = feedback.suggestions.length
		? ` ${feedback.suggestions.join(" ")}`
		: "";
	return `is too easy to guess${reason}.${advice}`;
}
