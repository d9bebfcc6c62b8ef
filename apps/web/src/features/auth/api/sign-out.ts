import {
	type QueryClient,
	useMutation,
	useQueryClient,
} from "@tanstack/react-query";
import { forgetAccountData } from "@/lib/account-queries";
import { apiRequest } from "@/lib/api-client";
import { sessionQueryKey } from "./get-session";

/** Ends the local session on the server: the session cookie is cleared. */
export const signOut = () =>
	apiRequest<{ status: string }>("/api/auth/sign-out", { method: "POST" });

/** Signs the client out: the account's cached data goes, and the session reads as signed out. */
export function forgetSession(queryClient: QueryClient) {
	forgetAccountData(queryClient);
	queryClient.setQueryData(sessionQueryKey, { user: null });
}

/** Ends the local session and forgets everything cached for the account. */
export function useSignOut() {
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: signOut,
		onSettled: () => forgetSession(queryClient),
	});
}
