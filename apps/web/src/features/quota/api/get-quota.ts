import type { Quota } from "@app/contract";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

export const quotaQueryKey = ["quota"] as const;

export function useQuota() {
	const api = useApi();
	return useQuery({
		queryKey: quotaQueryKey,
		queryFn: ({ signal }) => api.get<Quota>("/api/quota", signal),
	});
}
