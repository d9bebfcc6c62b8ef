import type { ChallengeContent } from "@app/contract";
import type { challenges } from "./schema.js";

type ChallengeColumns = typeof challenges.$inferSelect;

/** The columns that hold a challenge's content (those contentColumns writes). */
export type ContentColumns = Pick<
	ChallengeColumns,
	keyof ReturnType<typeof contentColumns>
>;

/** The (difficulty, language) cell a challenge belongs to, as both the challenges and the pool tables index it. */
export const cellColumns = (content: ChallengeContent) => ({
	difficulty: content.difficulty,
	language: content.language,
});

/** The one mapping from a challenge's content (the contract's shape) to the columns that store it. */
export const contentColumns = (content: ChallengeContent) => ({
	...cellColumns(content),
	kind: content.kind,
	runtime: content.runtime,
	title: content.title,
	code: content.code,
	options: content.options,
	correctAnswerId: content.correct_answer_id,
	explanation: content.explanation,
	verified: content.verified,
	source: content.source,
	verification: content.verification,
});

/** …and back: the content a stored challenge holds. */
export const contentOf = (row: ContentColumns): ChallengeContent => ({
	difficulty: row.difficulty,
	language: row.language,
	kind: row.kind,
	runtime: row.runtime,
	title: row.title,
	code: row.code,
	options: row.options,
	correct_answer_id: row.correctAnswerId,
	explanation: row.explanation,
	verified: row.verified,
	source: row.source,
	verification: row.verification,
});
