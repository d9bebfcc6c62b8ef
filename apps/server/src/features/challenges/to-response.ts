import type {
	AnswerResponse,
	Challenge,
	HistoryItem,
	IdeaRef,
} from "@app/contract";
import { ideaById } from "@app/generator";
import { type ContentColumns, contentOf } from "../../db/challenge-columns.js";
import {
	type AnswerRow,
	beliefBehindAnswer,
	type ChallengeRow,
	type HistoryRow,
} from "./challenges.repo.js";

/** An idea by its id, with the name a learner reads (the id itself for an idea no longer taught). */
export const ideaRef = (id: string): IdeaRef => ({
	id,
	name: ideaById(id)?.name ?? id,
});

/** The columns a challenge's response shows. */
type ShownChallenge = ContentColumns &
	Pick<ChallengeRow, "id" | "createdAt" | "idea" | "reviewOf">;

export const toChallengeResponse = (row: ShownChallenge): Challenge => ({
	id: row.id,
	...contentOf(row),
	timestamp: row.createdAt.toISOString(),
	idea: row.idea ? ideaRef(row.idea) : null,
	review_of: row.reviewOf,
});

export const toHistoryItem = (row: HistoryRow): HistoryItem => ({
	...toChallengeResponse(row),
	date_created: row.createdAt.toISOString(),
	answer: row.answer && {
		answer_id: row.answer.answerId,
		correct: row.answer.correct,
		answered_at: row.answer.answeredAt.toISOString(),
		misconception: row.misconception,
	},
});

export const toAnswerResponse = (
	challenge: ChallengeRow,
	answer: AnswerRow,
): AnswerResponse => ({
	correct: answer.correct,
	correct_answer_id: challenge.correctAnswerId,
	explanation: challenge.explanation,
	misconception: beliefBehindAnswer(challenge, answer),
});
