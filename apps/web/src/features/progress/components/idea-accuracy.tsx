import type { IdeaAccuracy } from "@app/contract";
import { useId } from "react";
import { formatPercent } from "./format";
import "./progress-section.css";
import "./idea-accuracy.css";

/** Answered, correct and accuracy for each idea the learner has answered a challenge on. */
export function IdeaAccuracyTable({ ideas }: { ideas: IdeaAccuracy[] }) {
	const headingId = useId();
	return (
		<section className="progress-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Accuracy by idea</h2>
			{ideas.length === 0 ? (
				<p className="hint">
					No answers on a named idea yet. Each idea you answer challenges on
					appears here, with how many you got right.
				</p>
			) : (
				<div className="idea-table-scroll">
					<table className="idea-table" aria-labelledby={headingId}>
						<thead>
							<tr>
								<th scope="col">Idea</th>
								<th scope="col">Answered</th>
								<th scope="col">Correct</th>
								<th scope="col">Accuracy</th>
							</tr>
						</thead>
						<tbody>
							{ideas.map((idea) => (
								<tr key={idea.idea}>
									<th scope="row">{idea.idea_name}</th>
									<td>{idea.answered}</td>
									<td>{idea.correct}</td>
									<td>
										{idea.answered === 0
											? "–"
											: formatPercent(idea.correct / idea.answered)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	);
}
