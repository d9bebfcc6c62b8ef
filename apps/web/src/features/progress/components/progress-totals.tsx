import type { Stats } from "@app/contract";
import { useId } from "react";
import { formatPercent } from "./format";
import "./progress-section.css";
import "./progress-totals.css";

function streakText(days: number) {
	return days > 0 ? `${days}-day streak` : "No current streak";
}

/** Challenges, answered, correct, overall accuracy and the answering streak. */
export function ProgressTotals({ stats }: { stats: Stats }) {
	const headingId = useId();
	return (
		<section className="progress-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Totals</h2>
			<dl className="stat-grid">
				<div className="stat">
					<dt>Challenges</dt>
					<dd>{stats.total}</dd>
				</div>
				<div className="stat">
					<dt>Answered</dt>
					<dd>{stats.answered}</dd>
				</div>
				<div className="stat">
					<dt>Correct</dt>
					<dd>{stats.correct}</dd>
				</div>
				<div className="stat stat-accent">
					<dt>Accuracy</dt>
					<dd>{formatPercent(stats.accuracy)}</dd>
				</div>
			</dl>
			<p className="streak">
				<strong>{streakText(stats.streak_days)}</strong>
				{stats.streak_days === 0 && (
					<span className="hint"> Answer a challenge today to start one.</span>
				)}
			</p>
		</section>
	);
}
