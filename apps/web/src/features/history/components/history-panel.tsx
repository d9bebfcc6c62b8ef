import type { HistoryItem } from "@app/contract";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import {
	type HistoryFilters as Filters,
	filterParams,
	useHistory,
} from "../api/get-history";
import {
	filtersFromSearch,
	HistoryFilters,
	hasFilters,
} from "./history-filters";
import { HistoryList } from "./history-list";
import "@/components/ui/empty-state.css";

/** The filters live in the URL, so a reload, a shared link or Back keeps them. */
function useFilters() {
	const [params, setParams] = useSearchParams();
	const filters = filtersFromSearch(params);
	const setFilters = (next: Filters) =>
		setParams(filterParams(next), { replace: true });
	return [filters, setFilters] as const;
}

function EmptyHistory({
	filtered,
	onClear,
}: {
	filtered: boolean;
	onClear: () => void;
}) {
	if (filtered) {
		return (
			<div className="empty-state">
				<p>No challenges match these filters.</p>
				<Button variant="quiet" onClick={onClear}>
					Clear filters
				</Button>
			</div>
		);
	}
	// the link's name avoids "Generate": the header's Generate link must stay the only one (CONTRACT names)
	return (
		<div className="empty-state">
			<p>No challenges yet.</p>
			<Link to={paths.generate}>Start practising</Link>
		</div>
	);
}

/** The caller's history from the API: filters, loading, errors, the empty state, then the list. */
export function HistoryPanel({
	renderChallenge,
}: {
	renderChallenge: (item: HistoryItem) => ReactNode;
}) {
	const [filters, setFilters] = useFilters();
	const history = useHistory(filters);
	const items = history.data?.pages.flatMap((page) => page.challenges) ?? [];

	const body = () => {
		if (history.isPending)
			return <Skeleton lines={6} label="Loading your history" />;
		if (history.isError && !history.data)
			return (
				<ErrorMessage error={history.error} onRetry={() => history.refetch()} />
			);
		if (items.length === 0)
			return (
				<EmptyHistory
					filtered={hasFilters(filters)}
					onClear={() => setFilters({})}
				/>
			);
		return (
			<>
				{history.isRefetchError && (
					<ErrorMessage
						error={history.error}
						onRetry={() => history.refetch()}
					/>
				)}
				<HistoryList
					items={items}
					renderChallenge={renderChallenge}
					hasMore={history.hasNextPage}
					loadingMore={history.isFetchingNextPage}
					loadMoreError={
						history.isFetchNextPageError ? history.error : undefined
					}
					onLoadMore={() => history.fetchNextPage()}
				/>
			</>
		);
	};

	return (
		<>
			<HistoryFilters value={filters} onChange={setFilters} />
			{body()}
		</>
	);
}
