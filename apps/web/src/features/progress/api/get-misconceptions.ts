import type { MisconceptionsResponse } from "@app/contract";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

const PAGE_SIZE = 50;

/** Starts with "misconceptions": answering or generating invalidates it. */
export const misconceptionsQueryKey = ["misconceptions"] as const;

/** The caller's misconceptions, most recently chosen first, a page at a time; every page repeats the ideas. */
export function useMisconceptions() {
	const api = useApi();
	return useInfiniteQuery({
		queryKey: misconceptionsQueryKey,
		queryFn: ({ pageParam, signal }) =>
			api.get<MisconceptionsResponse>(
				`/api/misconceptions?limit=${PAGE_SIZE}&offset=${pageParam}`,
				signal,
			),
		initialPageParam: 0,
		getNextPageParam: (last) => last.next_offset ?? undefined,
	});
}
