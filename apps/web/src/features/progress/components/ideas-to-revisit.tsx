import type { LearnerMisconception } from "@app/contract";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatDate } from "./format";
import "./progress-section.css";
import "./ideas-to-revisit.css";

const timesText = (times: number) =>
	times === 1 ? "once" : times === 2 ? "twice" : `${times} times`;

function MisconceptionItem({
	misconception,
	onPractise,
}: {
	misconception: LearnerMisconception;
	onPractise?: (idea: string) => void;
}) {
	const statementId = useId();
	return (
		<li className="misconception-item">
			<p className="misconception-statement" id={statementId}>
				{misconception.statement}
			</p>
			<p className="misconception-meta">
				{misconception.idea_name} · {timesText(misconception.times)}, last{" "}
				<time dateTime={misconception.last_at}>
					{formatDate(misconception.last_at)}
				</time>
			</p>
			{onPractise && (
				// the name stays "Practise this idea" (CONTRACT names); the statement describes which
				<Button
					variant="secondary"
					aria-describedby={statementId}
					onClick={() => onPractise(misconception.idea)}
				>
					Practise this idea
				</Button>
			)}
		</li>
	);
}

interface IdeasToRevisitProps {
	/** newest first, open and resolved together, as the API sends them */
	misconceptions: LearnerMisconception[];
	onPractise: (idea: string) => void;
	hasMore: boolean;
	loadingMore: boolean;
	onLoadMore: () => void;
}

/**
 * The open misconceptions, newest first, each with a way to practise its idea; the resolved ones
 * (its idea's last two answers right) fold away under them.
 */
export function IdeasToRevisit({
	misconceptions,
	onPractise,
	hasMore,
	loadingMore,
	onLoadMore,
}: IdeasToRevisitProps) {
	const headingId = useId();
	const open = misconceptions.filter((item) => item.status === "open");
	const resolved = misconceptions.filter((item) => item.status === "resolved");
	return (
		<section className="progress-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Ideas to revisit</h2>
			{open.length === 0 ? (
				<p className="hint">
					{resolved.length === 0
						? "Nothing to revisit yet. When a wrong answer suggests a misconception, it appears here with a way to practise its idea."
						: "Nothing to revisit: every misconception so far is resolved."}
				</p>
			) : (
				<ul className="misconception-list">
					{open.map((item) => (
						<MisconceptionItem
							key={item.id}
							misconception={item}
							onPractise={onPractise}
						/>
					))}
				</ul>
			)}
			{resolved.length > 0 && (
				<details className="resolved-misconceptions">
					<summary>Resolved ({resolved.length})</summary>
					<p className="hint">
						The last two answers on each of these ideas were right.
					</p>
					<ul className="misconception-list">
						{resolved.map((item) => (
							<MisconceptionItem key={item.id} misconception={item} />
						))}
					</ul>
				</details>
			)}
			{hasMore && (
				<Button
					className="misconceptions-more"
					variant="quiet"
					busy={loadingMore}
					onClick={onLoadMore}
				>
					Show older misconceptions
				</Button>
			)}
		</section>
	);
}
