import type { Challenge } from "@app/contract";
import { useAnswerChallenge } from "../api/answer-challenge";
import { ChallengeCard } from "./challenge-card";

/** A freshly generated challenge that the person answers here. */
export function ChallengeSession({
	challenge,
	onNext,
}: {
	challenge: Challenge;
	onNext: () => void;
}) {
	const answer = useAnswerChallenge(challenge);
	return (
		<ChallengeCard
			challenge={challenge}
			answer={answer.data ?? null}
			onAnswer={(answerId) => answer.mutate(answerId)}
			answering={answer.isPending}
			answerError={answer.error}
			onNext={onNext}
			focusFeedback
		/>
	);
}
