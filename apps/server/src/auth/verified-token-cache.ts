import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type {
	TokenCheck,
	TokenVerifier,
	VerifiedToken,
} from "./token-verifier.js";

/** Verified tokens remembered per process; past this many, the least recently used are forgotten. */
export const TOKEN_CACHE_SIZE = 10_000;

/**
 * Verifies each token once: a signature check costs far more than the request it guards (a quota
 * read is one SELECT), and a browser sends the same token on every request until it expires.
 * The cache is keyed by the token's SHA-256, so no token is kept in memory, and holds only tokens
 * that passed the full check. A remembered token is still refused once it expires, before it is
 * valid, or when its `azp` is not an authorized party: those checks run on every use, with the same
 * clock skew as the full check; a token failing them is checked in full again, which gives the
 * caller the same 401 as before.
 */
export function withTokenCache(
	full: TokenCheck,
	options: {
		authorizedParties: readonly string[];
		clockSkewMs: number;
		size?: number;
		now?: () => number;
	},
): TokenVerifier {
	const { authorizedParties, clockSkewMs } = options;
	const size = options.size ?? TOKEN_CACHE_SIZE;
	const now = options.now ?? Date.now;
	const cache = new LRUCache<string, VerifiedToken>({ max: size });

	const usable = (token: VerifiedToken, at: number) =>
		at < token.expiresAt + clockSkewMs &&
		at >= token.notBefore - clockSkewMs &&
		(token.authorizedParty === null ||
			authorizedParties.length === 0 ||
			authorizedParties.includes(token.authorizedParty));

	return {
		async verify(token) {
			const key = createHash("sha256").update(token).digest("base64");
			const known = cache.get(key);
			if (known) {
				if (usable(known, now())) return known.user;
				cache.delete(key);
			}
			const verified = await full.check(token);
			// a token that expires within the skew is not worth a place
			if (usable(verified, now())) cache.set(key, verified);
			return verified.user;
		},
	};
}
