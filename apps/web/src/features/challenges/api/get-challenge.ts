import type { HistoryItem } from "@app/contract";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

export const challengePathOnApi = (id: number) => `/api/challenges/${id}`;

/** Starts with "challenge": answering invalidates it. */
export const challengeQueryKey = (id: number) => ["challenge", id] as const;

/** One of the caller's challenges, with its recorded answer (404 for another's or a missing one). */
export function useChallenge(id: number) {
	const api = useApi();
	return useQuery({
		queryKey: challengeQueryKey(id),
		queryFn: ({ signal }) =>
			api.get<HistoryItem>(challengePathOnApi(id), signal),
	});
}
