import type { Session } from "@app/contract";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";

export const sessionQueryKey = ["auth", "session"] as const;

/** The signed-in local account ({ user: null } when signed out); the cookie is the credential. */
export const getSession = () => apiRequest<Session>("/api/auth/session");

export const sessionQueryOptions = queryOptions({
	queryKey: sessionQueryKey,
	queryFn: getSession,
	staleTime: Number.POSITIVE_INFINITY,
	retry: false,
});
