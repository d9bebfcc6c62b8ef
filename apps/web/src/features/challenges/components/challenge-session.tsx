import type { AnswerRecord, Challenge } from "@app/contract";
import { useAnswerChallenge } from "../api/answer-challenge";
import { ChallengeCard } from "./challenge-card";

interface ChallengeSessionProps {
	challenge: Challenge;
	/** an answer recorded before (a history entry): shown, and no other answer is taken */
	recorded?: Pick<AnswerRecord, "answer_id" | "correct"> | null;
	onNext?: () => void;
	/** a newly generated challenge takes the keyboard focus; a history entry does not */
	focusOnShow?: boolean;
	titleHidden?: boolean;
}

/** A challenge the person can answer here, unless it already has an answer. */
export function ChallengeSession({
	challenge,
	recorded = null,
	onNext,
	focusOnShow = false,
	titleHidden,
}: ChallengeSessionProps) {
	const answer = useAnswerChallenge(challenge);
	return (
		<ChallengeCard
			challenge={challenge}
			answer={answer.data ?? recorded}
			onAnswer={(answerId) => answer.mutate(answerId)}
			answering={answer.isPending}
			answerError={answer.error}
			onNext={onNext}
			focusOnShow={focusOnShow}
			focusFeedback
			titleHidden={titleHidden}
		/>
	);
}
