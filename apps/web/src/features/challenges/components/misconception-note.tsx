import type { Misconception } from "@app/contract";
import { useId } from "react";
import { Button } from "@/components/ui/button";

/** What the learner may believe, from the wrong option they chose, and a way to practise its idea. */
export function MisconceptionNote({
	misconception,
	onPractise,
}: {
	misconception: Misconception;
	onPractise?: () => void;
}) {
	const statementId = useId();
	return (
		<div className="misconception-note">
			<p id={statementId}>{misconception.statement}</p>
			{onPractise && (
				// the name stays "Practise this idea" (CONTRACT names); the statement describes which
				<Button
					variant="secondary"
					aria-describedby={statementId}
					onClick={onPractise}
				>
					Practise this idea
				</Button>
			)}
		</div>
	);
}
