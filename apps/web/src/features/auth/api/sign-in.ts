import type { Account, SignInRequest, SignUpRequest } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { sessionQueryKey } from "./get-session";

/** Signs in (or, with `create`, signs up) and makes the account the current session. */
export function useSignIn(mode: "sign-in" | "sign-up") {
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: (credentials: SignInRequest | SignUpRequest) =>
			apiRequest<Account>(`/api/auth/${mode}`, {
				method: "POST",
				body: credentials,
			}),
		onSuccess: (account) => {
			queryClient.removeQueries({
				predicate: (query) =>
					!["config", "auth"].includes(String(query.queryKey[0])),
			});
			queryClient.setQueryData(sessionQueryKey, { user: account.user });
		},
	});
}
