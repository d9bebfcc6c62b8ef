import type { Challenge } from "@app/contract";
import { Badge } from "@/components/ui/badge";

/** The idea a challenge is on; "Review: …" when it was chosen to bring back an open misconception. */
export function IdeaBadge({
	idea,
	reviewOf,
}: {
	idea: Challenge["idea"];
	reviewOf: Challenge["review_of"];
}) {
	if (reviewOf)
		return (
			<span className="idea-badge">
				<Badge
					tone="info"
					title="Chosen to review an idea you answered wrongly before"
				>
					Review: {idea?.name ?? reviewOf}
				</Badge>
			</span>
		);
	if (!idea) return null;
	return (
		<span className="idea-badge">
			<Badge title="The idea this challenge is on">{idea.name}</Badge>
		</span>
	);
}
