import type { Challenge, GenerateChallengeRequest } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAccountData } from "@/lib/account-queries";
import { useApi } from "@/lib/use-api";

/** Generates a challenge; the quota, history, stats and misconceptions change with it. */
export function useGenerateChallenge() {
	const api = useApi();
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: (request: GenerateChallengeRequest) =>
			api.post<Challenge>("/api/generate-challenge", request),
		onSettled: () =>
			invalidateAccountData(queryClient, [
				"quota",
				"history",
				"stats",
				"misconceptions",
			]),
	});
}
