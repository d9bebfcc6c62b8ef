import type { AnswerResponse, Challenge, HistoryItem } from "@app/contract";
import { contentOf } from "../../db/challenge-columns.js";
import type { AnswerRow, ChallengeRow, HistoryRow } from "./challenges.repo.js";

export const toChallengeResponse = (row: ChallengeRow): Challenge => ({
	id: row.id,
	...contentOf(row),
	timestamp: row.createdAt.toISOString(),
});

export const toHistoryItem = (row: HistoryRow): HistoryItem => ({
	...toChallengeResponse(row),
	date_created: row.createdAt.toISOString(),
	answer: row.answer
		? {
				answer_id: row.answer.answerId,
				correct: row.answer.correct,
				answered_at: row.answer.answeredAt.toISOString(),
			}
		: null,
});

export const toAnswerResponse = (
	challenge: ChallengeRow,
	answer: AnswerRow,
): AnswerResponse => ({
	correct: answer.correct,
	correct_answer_id: challenge.correctAnswerId,
	explanation: challenge.explanation,
});
