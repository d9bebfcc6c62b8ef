import type { Config } from "../config.js";
import { createClerkVerifier } from "./clerk-verifier.js";
import { createLocalVerifier, type LocalKeySource } from "./local-verifier.js";
import type { TokenVerifier } from "./token-verifier.js";
import { withTokenCache } from "./verified-token-cache.js";
import { CLOCK_SKEW_MS } from "./verify-session-token.js";

/**
 * The verifier config picks: local session tokens, checked with the local accounts' public keys,
 * when those keys are given (AUTH_PROVIDER=local); Clerk's tokens otherwise. Either way a token is
 * checked in full once, then remembered until it expires (verified-token-cache.ts). The cache reads
 * the wall clock, not the app's: @clerk/backend checks `exp` and `nbf` against it, and a cached
 * token must never outlive what the full check would accept.
 */
export function verifierFor(
	config: Config,
	localKeys: LocalKeySource | null,
	now: () => number = Date.now,
): TokenVerifier {
	const { authorizedParties } = config.auth;
	const full = localKeys
		? createLocalVerifier(localKeys, authorizedParties)
		: createClerkVerifier({ ...config.auth.clerk, authorizedParties });
	return withTokenCache(full, {
		authorizedParties,
		clockSkewMs: CLOCK_SKEW_MS,
		now,
	});
}
