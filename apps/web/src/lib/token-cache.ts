/** A token and when it stops being valid. */
export interface TimedToken {
	token: string;
	expires_at: string;
}

/** A token is renewed when less than this is left of it, so no request leaves with one about to expire. */
const RENEW_MARGIN_MS = 15_000;

/**
 * Keeps the current session token and fetches a new one before it expires, as Clerk's getToken()
 * does; concurrent callers share one fetch.
 */
export function createTokenCache(
	fetchToken: () => Promise<TimedToken>,
	now: () => number = Date.now,
) {
	let current: { token: string; expiresAt: number } | null = null;
	let pending: Promise<string> | null = null;
	return {
		async get(): Promise<string> {
			if (current && current.expiresAt - now() > RENEW_MARGIN_MS)
				return current.token;
			pending ??= fetchToken()
				.then(({ token, expires_at }) => {
					current = { token, expiresAt: Date.parse(expires_at) };
					return token;
				})
				.finally(() => {
					pending = null;
				});
			return pending;
		},
		clear() {
			current = null;
		},
	};
}
