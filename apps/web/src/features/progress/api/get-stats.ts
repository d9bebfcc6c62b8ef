import type { Stats } from "@app/contract";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

/** Starts with "stats": answering or generating invalidates it. */
export const statsQueryKey = ["stats"] as const;

export function useStats() {
	const api = useApi();
	return useQuery({
		queryKey: statsQueryKey,
		queryFn: ({ signal }) => api.get<Stats>("/api/stats", signal),
	});
}
