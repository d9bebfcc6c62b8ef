import type { Challenge } from "@app/contract";
import { useEffect, useId, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { KIND_LABELS, LANGUAGE_LABELS } from "@/config/labels";
import { CodeBlock } from "./code-block";
import "./challenge-card.css";

export type CardChallenge = Pick<
	Challenge,
	| "title"
	| "code"
	| "language"
	| "kind"
	| "runtime"
	| "difficulty"
	| "options"
	| "correct_answer_id"
	| "explanation"
	| "verified"
	| "verification"
>;

interface ChallengeCardProps {
	challenge: CardChallenge;
	/** the recorded answer; null until the person answers */
	answer: { answer_id: number; correct: boolean } | null;
	/** absent for a past challenge, which is shown read-only */
	onAnswer?: (answerId: number) => void;
	answering?: boolean;
	answerError?: unknown;
	onNext?: () => void;
	/** moves keyboard focus to the title when the card appears (a newly generated challenge) */
	focusOnShow?: boolean;
	/** moves keyboard focus to the feedback when the person answers here (not to an answer recorded before) */
	focusFeedback?: boolean;
	/** the title is shown elsewhere (a history entry): kept for assistive technology only */
	titleHidden?: boolean;
}

const LETTERS = ["A", "B", "C", "D"];

function VerificationBadge({ challenge }: { challenge: CardChallenge }) {
	if (challenge.verification === "corrected") {
		return (
			<Badge
				tone="good"
				title="The generated answer was wrong; running the code corrected it."
			>
				✓ Verified by running the code (corrected)
			</Badge>
		);
	}
	if (challenge.verified) {
		return (
			<Badge
				tone="good"
				title="The marked answer is what the code printed when we ran it."
			>
				✓ Verified by running the code
			</Badge>
		);
	}
	return (
		<Badge title="This answer could not be checked by running code.">
			Not verified
		</Badge>
	);
}

/** A challenge: question, highlighted code, four options (CONTRACT: group "Answer options"), then the feedback. */
export function ChallengeCard({
	challenge,
	answer,
	onAnswer,
	answering,
	answerError,
	onNext,
	focusOnShow,
	focusFeedback,
	titleHidden,
}: ChallengeCardProps) {
	const headingId = useId();
	const feedbackRef = useRef<HTMLHeadingElement>(null);
	const titleRef = useRef<HTMLHeadingElement>(null);
	const answered = answer !== null;
	useEffect(() => {
		if (focusOnShow) titleRef.current?.focus();
	}, [focusOnShow]);
	// an answer shown from the start (a history entry being opened) leaves the focus where it is
	const answeredOnShow = useRef(answered);
	useEffect(() => {
		if (answered && focusFeedback && !answeredOnShow.current)
			feedbackRef.current?.focus();
	}, [answered, focusFeedback]);

	const optionState = (index: number) => {
		if (!answer) return "";
		if (index === challenge.correct_answer_id) return "option-correct";
		if (index === answer.answer_id) return "option-wrong";
		return "option-other";
	};

	return (
		<article className="challenge-card" aria-labelledby={headingId}>
			<header className="challenge-header">
				<h2
					id={headingId}
					ref={titleRef}
					tabIndex={-1}
					className={titleHidden ? "visually-hidden" : undefined}
				>
					{challenge.title}
				</h2>
				<div className="badges">
					<Badge tone="info">{challenge.difficulty}</Badge>
					<Badge>{LANGUAGE_LABELS[challenge.language]}</Badge>
					<Badge>{KIND_LABELS[challenge.kind]}</Badge>
					<VerificationBadge challenge={challenge} />
				</div>
			</header>
			{challenge.code && (
				<>
					<CodeBlock code={challenge.code} language={challenge.language} />
					<p className="code-runtime">Runs in {challenge.runtime}</p>
				</>
			)}
			<fieldset className="options">
				<legend className="visually-hidden">Answer options</legend>
				{challenge.options.map((option, index) => (
					<button
						// options are positional: the index is their identity
						key={index}
						type="button"
						className={`option ${optionState(index)}`}
						disabled={answered || answering || !onAnswer}
						aria-pressed={answer ? index === answer.answer_id : undefined}
						onClick={() => onAnswer?.(index)}
					>
						<span className="option-letter" aria-hidden="true">
							{LETTERS[index]}
						</span>
						<span className="option-text">{option}</span>
						{answer && index === challenge.correct_answer_id && (
							<span className="option-mark">✓ Right answer</span>
						)}
						{answer &&
							index === answer.answer_id &&
							index !== challenge.correct_answer_id && (
								<span className="option-mark">Your answer</span>
							)}
					</button>
				))}
			</fieldset>
			{answerError ? <ErrorMessage error={answerError} /> : null}
			<div className="feedback-region" aria-live="polite">
				{answer && (
					<section
						className={`feedback ${answer.correct ? "feedback-correct" : "feedback-incorrect"}`}
					>
						<h3 ref={feedbackRef} tabIndex={-1}>
							{answer.correct ? "Correct" : "Incorrect"}
						</h3>
						<p className="explanation">{challenge.explanation}</p>
						{onNext && (
							<Button className="next-button" onClick={onNext}>
								Next challenge
							</Button>
						)}
					</section>
				)}
			</div>
		</article>
	);
}
