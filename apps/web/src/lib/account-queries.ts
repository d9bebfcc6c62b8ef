import type { QueryClient } from "@tanstack/react-query";

/** First elements of the query keys of the signed-in account's data; each feature's keys start with one. */
export type AccountDataRoot =
	| "quota"
	| "history"
	| "stats"
	| "misconceptions"
	| "challenge";

/** Marks the account's data under these roots stale, after a change the server made to it. */
export function invalidateAccountData(
	queryClient: QueryClient,
	roots: readonly AccountDataRoot[],
) {
	return queryClient.invalidateQueries({
		predicate: (query) =>
			(roots as readonly unknown[]).includes(query.queryKey[0]),
	});
}

/** Forgets everything cached for an account when it signs in or out; the runtime config and the session stay. */
export function forgetAccountData(queryClient: QueryClient) {
	queryClient.removeQueries({
		predicate: (query) =>
			!["config", "auth"].includes(String(query.queryKey[0])),
	});
}
