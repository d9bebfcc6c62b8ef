import type {
	AnswerRecord,
	AnswerResponse,
	Challenge,
	HistoryItem,
	IdeaRef,
} from "@app/contract";
import { ideaById } from "@app/generator";
import { contentOf } from "../../db/challenge-columns.js";
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

export const toChallengeResponse = (row: ChallengeRow): Challenge => ({
	id: row.id,
	...contentOf(row),
	timestamp: row.createdAt.toISOString(),
	idea: row.idea ? ideaRef(row.idea) : null,
	review_of: row.reviewOf,
});

export const toAnswerRecord = (
	challenge: ChallengeRow,
	answer: AnswerRow,
): AnswerRecord => ({
	answer_id: answer.answerId,
	correct: answer.correct,
	answered_at: answer.answeredAt.toISOString(),
	misconception: beliefBehindAnswer(challenge, answer),
});

export const toHistoryItem = (row: HistoryRow): HistoryItem => ({
	...toChallengeResponse(row),
	date_created: row.createdAt.toISOString(),
	answer: row.answer ? toAnswerRecord(row, row.answer) : null,
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
