import type { Challenge, Misconception } from "@app/contract";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { KIND_LABELS, LANGUAGE_LABELS } from "@/config/labels";
import { CodeBlock } from "./code-block";
import { IdeaBadge } from "./idea-badge";
import { MisconceptionNote } from "./misconception-note";
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
	| "idea"
	| "review_of"
>;

interface ChallengeCardProps {
	challenge: CardChallenge;
	/** the recorded answer, with the belief a wrong one suggests; null until the person answers */
	answer: {
		answer_id: number;
		correct: boolean;
		misconception?: Misconception | null;
	} | null;
	/** absent for a past challenge, which is shown read-only */
	onAnswer?: (answerId: number) => void;
	answering?: boolean;
	answerError?: unknown;
	onNext?: () => void;
	/** generates a challenge on the idea of the answer's misconception */
	onPractise?: () => void;
	/** the challenge's own page, linked from the feedback (absent where the page is this one) */
	pageHref?: string;
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
	onPractise,
	pageHref,
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
					<IdeaBadge idea={challenge.idea} reviewOf={challenge.review_of} />
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
						{answer.misconception && !answer.correct && (
							<MisconceptionNote
								misconception={answer.misconception}
								onPractise={onPractise}
							/>
						)}
						<p className="explanation">{challenge.explanation}</p>
						{(onNext || pageHref) && (
							<div className="feedback-actions">
								{onNext && <Button onClick={onNext}>Next challenge</Button>}
								{pageHref && (
									<Link to={pageHref}>Open this challenge on its own page</Link>
								)}
							</div>
						)}
					</section>
				)}
			</div>
		</article>
	);
}
