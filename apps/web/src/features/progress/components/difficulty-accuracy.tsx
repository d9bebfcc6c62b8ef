import type { Stats } from "@app/contract";
import { DIFFICULTIES } from "@app/contract/constants";
import { useId } from "react";
import { DIFFICULTY_LABELS } from "@/config/labels";
import { formatPercent } from "./format";
import "./progress-section.css";
import "./difficulty-accuracy.css";

/** Answered, correct and accuracy for each difficulty; the bar repeats the percentage, so it is hidden from assistive technology. */
export function DifficultyAccuracy({
	byDifficulty,
}: {
	byDifficulty: Stats["by_difficulty"];
}) {
	const headingId = useId();
	return (
		<section className="progress-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Accuracy by difficulty</h2>
			<ul className="difficulty-list">
				{DIFFICULTIES.map((difficulty) => {
					const { answered, correct } = byDifficulty[difficulty];
					const ratio = answered === 0 ? 0 : correct / answered;
					return (
						<li key={difficulty} className="difficulty-row">
							<span className="difficulty-name">
								{DIFFICULTY_LABELS[difficulty]}
							</span>{" "}
							<span className="difficulty-numbers">
								{answered === 0
									? "No answers yet"
									: `${correct} of ${answered} correct (${formatPercent(ratio)})`}
							</span>
							<span className="difficulty-bar" aria-hidden="true">
								<span style={{ width: `${ratio * 100}%` }} />
							</span>
						</li>
					);
				})}
			</ul>
		</section>
	);
}
