import type { HistoryItem } from "@app/contract";
import { type ReactNode, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { LANGUAGE_LABELS, RESULT_LABELS } from "@/config/labels";
import { formatWhen } from "./format-when";
import "./history-entry.css";

function ResultBadge({ answer }: { answer: HistoryItem["answer"] }) {
	// the wrapper keeps "Not answered" in sentence case: badges capitalize each word
	return (
		<span className="history-result">
			{!answer ? (
				<Badge>{RESULT_LABELS.unanswered}</Badge>
			) : answer.correct ? (
				<Badge tone="good">
					<span aria-hidden="true">✓</span> {RESULT_LABELS.correct}
				</Badge>
			) : (
				<Badge tone="bad">
					<span aria-hidden="true">✗</span> {RESULT_LABELS.incorrect}
				</Badge>
			)}
		</span>
	);
}

interface HistoryEntryProps {
	item: HistoryItem;
	renderChallenge: (item: HistoryItem) => ReactNode;
	now?: Date;
}

/**
 * One past challenge as a disclosure: the button names it (title, date, badges, result), and opens
 * to the full challenge. The challenge renders only once opened, so a long list stays light.
 */
export function HistoryEntry({
	item,
	renderChallenge,
	now,
}: HistoryEntryProps) {
	const [open, setOpen] = useState(false);
	const panelId = useId();
	return (
		<li className="history-entry">
			<button
				type="button"
				className="history-entry-toggle"
				aria-expanded={open}
				aria-controls={panelId}
				onClick={() => setOpen(!open)}
			>
				<span className="history-entry-title">{item.title}</span>{" "}
				<span className="history-entry-meta">
					<time dateTime={item.date_created}>
						{formatWhen(item.date_created, now)}
					</time>{" "}
					<Badge tone="info">{item.difficulty}</Badge>{" "}
					<Badge>{LANGUAGE_LABELS[item.language]}</Badge>{" "}
					<ResultBadge answer={item.answer} />
				</span>
				<span className="history-entry-chevron" aria-hidden="true" />
			</button>
			<div id={panelId} className="history-entry-panel" hidden={!open}>
				{open && renderChallenge(item)}
			</div>
		</li>
	);
}
