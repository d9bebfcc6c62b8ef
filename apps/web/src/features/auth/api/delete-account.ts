import type { DeleteAccountRequest } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { useAuth } from "@/lib/auth-context";
import { forgetSession } from "./sign-out";

/**
 * Deletes the local account and everything it owns (DELETE /api/auth/account); the server ends the
 * session, and the client forgets it. Not through useApi: a wrong password is a 401 that must not
 * sign the person out.
 */
export function useDeleteAccount() {
	const { getToken } = useAuth();
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: async (request: DeleteAccountRequest) =>
			apiRequest<{ status: "deleted" }>("/api/auth/account", {
				method: "DELETE",
				body: request,
				token: await getToken(),
			}),
		onSuccess: () => forgetSession(queryClient),
	});
}
