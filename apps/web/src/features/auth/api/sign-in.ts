import type { Account, SignInRequest, SignUpRequest } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { forgetAccountData } from "@/lib/account-queries";
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
			forgetAccountData(queryClient);
			queryClient.setQueryData(sessionQueryKey, { user: account.user });
		},
	});
}
