import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useMemo, useRef } from "react";
import { FullPageError } from "@/components/layout/full-page";
import { ApiError } from "@/lib/api-client";
import { AuthContext, type AuthState } from "@/lib/auth-context";
import { createTokenCache } from "@/lib/token-cache";
import { sessionQueryKey, sessionQueryOptions } from "../api/get-session";
import { getToken as fetchToken } from "../api/get-token";
import { forgetSession, signOut } from "../api/sign-out";
import { SignOutButton } from "./sign-out-button";

/** Sign-in through the server's own accounts: the session cookie, turned into short-lived tokens. */
export function LocalAuthProvider({ children }: { children: ReactNode }) {
	const queryClient = useQueryClient();
	const session = useQuery(sessionQueryOptions);
	const userId = session.data?.user?.id;
	// a new cache per account, so one account's token never serves the next
	const tokens = useMemo(() => createTokenCache(fetchToken), [userId]);

	const getToken = useCallback(async () => {
		if (!userId) return null;
		try {
			return await tokens.get();
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) {
				queryClient.setQueryData(sessionQueryKey, { user: null });
				return null;
			}
			throw error;
		}
	}, [tokens, userId, queryClient]);

	// several requests may be refused at once: they share one sign-out
	const ending = useRef<Promise<void> | null>(null);
	const endSession = useCallback(() => {
		ending.current ??= signOut()
			.then(() => undefined)
			// the client forgets the account even when the server could not be told
			.finally(() => {
				forgetSession(queryClient);
				ending.current = null;
			});
		return ending.current;
	}, [queryClient]);

	const value = useMemo<AuthState>(
		() => ({
			provider: "local",
			isLoaded: !session.isPending,
			isSignedIn: Boolean(session.data?.user),
			getToken,
			endSession,
			AccountControl: SignOutButton,
		}),
		[session.isPending, session.data, getToken, endSession],
	);

	if (session.isError)
		return (
			<FullPageError error={session.error} onRetry={() => session.refetch()} />
		);
	return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
