import type { HistoryItem } from "@app/contract";
import { type ReactNode, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { HistoryEntry } from "./history-entry";
import { useWhenVisible } from "./use-when-visible";
import "./history-list.css";

interface HistoryListProps {
	/** newest first, as the API sends them */
	items: HistoryItem[];
	/** the full challenge of an opened entry; the page supplies it, since features don't import each other */
	renderChallenge: (item: HistoryItem) => ReactNode;
	hasMore: boolean;
	loadingMore: boolean;
	loadMoreError?: unknown;
	onLoadMore: () => void;
	now?: Date;
}

/** Past challenges, newest first, with "Load more" (also triggered by scrolling near it). */
export function HistoryList({
	items,
	renderChallenge,
	hasMore,
	loadingMore,
	loadMoreError,
	onLoadMore,
	now,
}: HistoryListProps) {
	const listRef = useRef<HTMLOListElement>(null);
	const moreRef = useRef<HTMLDivElement>(null);
	// after a click on "Load more" the button may vanish (last page): focus goes to the first new entry
	const focusFrom = useRef<number | null>(null);

	useEffect(() => {
		const from = focusFrom.current;
		if (from === null || items.length <= from) return;
		focusFrom.current = null;
		listRef.current
			?.querySelectorAll<HTMLButtonElement>(":scope > li > button")
			[from]?.focus();
	}, [items.length]);

	useWhenVisible(
		moreRef,
		hasMore && !loadingMore && !loadMoreError,
		onLoadMore,
	);

	const noun = items.length === 1 ? "challenge" : "challenges";
	return (
		<>
			<ol className="history-list" ref={listRef}>
				{items.map((item) => (
					<HistoryEntry
						key={item.id}
						item={item}
						renderChallenge={renderChallenge}
						now={now}
					/>
				))}
			</ol>
			<p className="visually-hidden" role="status">
				{`Showing ${items.length} ${noun}${hasMore ? "" : ", all of them"}.`}
			</p>
			{loadMoreError ? (
				<ErrorMessage error={loadMoreError} onRetry={onLoadMore} />
			) : null}
			{hasMore && !loadMoreError && (
				<div className="history-more" ref={moreRef}>
					<Button
						variant="secondary"
						busy={loadingMore}
						onClick={() => {
							focusFrom.current = items.length;
							onLoadMore();
						}}
					>
						Load more
					</Button>
				</div>
			)}
		</>
	);
}
