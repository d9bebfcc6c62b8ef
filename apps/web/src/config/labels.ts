import type {
	ChallengeKind,
	Difficulty,
	HistoryQuery,
	Language,
} from "@app/contract";

/** The outcome of a challenge as history filters and shows it. */
export type Result = NonNullable<HistoryQuery["result"]>;

// Records over the contract's unions: a language, difficulty or result added to the contract
// is a type error here until it has a label.

export const LANGUAGE_LABELS: Record<Language, string> = {
	python: "Python",
	javascript: "JavaScript",
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
	easy: "Easy",
	medium: "Medium",
	hard: "Hard",
};

/** What a challenge asks, as its badge names it. */
export const KIND_LABELS: Record<ChallengeKind, string> = {
	output: "Output",
	error: "What happens",
	"fill-in": "Fill in the blank",
	"fix-the-bug": "Fix the bug",
};

export const RESULT_LABELS: Record<Result, string> = {
	correct: "Correct",
	incorrect: "Incorrect",
	unanswered: "Not answered",
};

/** A select's options for the contract's `values`, in the contract's order. */
export const labelledOptions = <T extends string>(
	values: readonly T[],
	labels: Record<T, string>,
) => values.map((value) => ({ value, label: labels[value] }));
