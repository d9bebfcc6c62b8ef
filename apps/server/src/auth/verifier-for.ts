import type { Config } from "../config.js";
import { createClerkVerifier } from "./clerk-verifier.js";
import { createLocalVerifier, type LocalKeySource } from "./local-verifier.js";
import type { TokenVerifier } from "./token-verifier.js";

/**
 * The verifier config picks: local session tokens, checked with the local accounts' public keys,
 * when those keys are given (AUTH_PROVIDER=local); Clerk's tokens otherwise.
 */
export function verifierFor(
	config: Config,
	localKeys: LocalKeySource | null,
): TokenVerifier {
	if (localKeys)
		return createLocalVerifier(localKeys, config.auth.authorizedParties);
	return createClerkVerifier({
		...config.auth.clerk,
		authorizedParties: config.auth.authorizedParties,
	});
}
