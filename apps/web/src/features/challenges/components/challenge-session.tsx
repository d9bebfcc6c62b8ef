import type { AnswerRecord, Challenge, Difficulty } from "@app/contract";
import { challengePath } from "@/config/paths";
import { usePractise } from "@/lib/practise";
import { useAnswerChallenge } from "../api/answer-challenge";
import { ChallengeCard } from "./challenge-card";

interface ChallengeSessionProps {
	challenge: Challenge;
	/** an answer recorded before (a history entry): shown, and no other answer is taken */
	recorded?:
		| (Pick<AnswerRecord, "answer_id" | "correct"> &
				Partial<Pick<AnswerRecord, "misconception">>)
		| null;
	onNext?: () => void;
	/** generates a challenge on an idea; by default the practice page does, after going there */
	onPractise?: (request: { difficulty: Difficulty; idea: string }) => void;
	/** the feedback links to the challenge's own page, unless the page already is it or links to it */
	pageLink?: boolean;
	/** a newly generated challenge takes the keyboard focus; a history entry does not */
	focusOnShow?: boolean;
	titleHidden?: boolean;
}

/** A challenge the person can answer here, unless it already has an answer. */
export function ChallengeSession({
	challenge,
	recorded = null,
	onNext,
	onPractise,
	pageLink = true,
	focusOnShow = false,
	titleHidden,
}: ChallengeSessionProps) {
	const answer = useAnswerChallenge(challenge);
	const goPractise = usePractise();
	const shown = answer.data ?? recorded;
	const idea = shown?.misconception?.idea;
	return (
		<ChallengeCard
			challenge={challenge}
			answer={shown}
			onAnswer={(answerId) => answer.mutate(answerId)}
			answering={answer.isPending}
			answerError={answer.error}
			onNext={onNext}
			onPractise={
				idea
					? () =>
							(onPractise ?? goPractise)({
								difficulty: challenge.difficulty,
								idea,
							})
					: undefined
			}
			pageHref={pageLink ? challengePath(challenge.id) : undefined}
			focusOnShow={focusOnShow}
			focusFeedback
			titleHidden={titleHidden}
		/>
	);
}
