import type { HistoryQuery, HistoryResponse } from "@app/contract";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

/** The server-side filters of GET /api/my-history; absent means "all". */
export type HistoryFilters = Pick<
	HistoryQuery,
	"difficulty" | "language" | "result"
>;

const PAGE_SIZE = 20;

/** Starts with "history": answering or generating invalidates every query under that key. */
export const historyQueryKey = (filters: HistoryFilters) =>
	["history", filters] as const;

/** The filters as query parameters, for the API and for the page's own URL alike. */
export function filterParams(filters: HistoryFilters): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(filters)) {
		if (value) params.set(name, value);
	}
	return params;
}

export function historyPath(filters: HistoryFilters, before?: number): string {
	const params = filterParams(filters);
	params.set("limit", String(PAGE_SIZE));
	if (before !== undefined) params.set("before", String(before));
	return `/api/my-history?${params}`;
}

/** The caller's challenges, newest first, a page at a time (keyset: `before` is the last page's cursor). */
export function useHistory(filters: HistoryFilters) {
	const api = useApi();
	return useInfiniteQuery({
		queryKey: historyQueryKey(filters),
		queryFn: ({ pageParam, signal }) =>
			api.get<HistoryResponse>(historyPath(filters, pageParam), signal),
		initialPageParam: undefined as number | undefined,
		getNextPageParam: (last) => last.next_cursor ?? undefined,
	});
}
