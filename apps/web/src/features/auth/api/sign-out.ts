import { useMutation, useQueryClient } from "@tanstack/react-query";
import { forgetAccountData } from "@/lib/account-queries";
import { apiRequest } from "@/lib/api-client";
import { sessionQueryKey } from "./get-session";

/** Ends the local session and forgets everything cached for the account. */
export function useSignOut() {
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: () =>
			apiRequest<{ status: string }>("/api/auth/sign-out", { method: "POST" }),
		onSettled: () => {
			forgetAccountData(queryClient);
			queryClient.setQueryData(sessionQueryKey, { user: null });
		},
	});
}
