import type { Db } from "../../db/open-db.js";
import { alreadyAnswered, notFound } from "../../errors.js";
import {
	type AnswerRow,
	type ChallengeRow,
	findChallenge,
	recordAnswer,
} from "./challenges.repo.js";

export interface AnswerDeps {
	db: Db;
	now: () => Date;
}

/**
 * Records the user's answer to one of their challenges; the first answer is the one kept
 * (CONTRACT: POST /api/challenges/{id}/answer → 404, or 409 with the first answer's id).
 */
export async function answerChallenge(
	deps: AnswerDeps,
	userId: string,
	challengeId: number,
	answerId: number,
): Promise<{ challenge: ChallengeRow; answer: AnswerRow }> {
	const challenge = await findChallenge(deps.db, userId, challengeId);
	if (!challenge) throw notFound("Challenge");
	const result = await recordAnswer(deps.db, challenge, answerId, deps.now());
	if (!result.recorded) throw alreadyAnswered(result.first.answerId);
	return { challenge, answer: result.answer };
}
