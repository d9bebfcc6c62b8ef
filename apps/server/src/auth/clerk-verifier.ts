import type { TokenCheck } from "./token-verifier.js";
import { verifySessionToken } from "./verify-session-token.js";

export interface ClerkVerifierOptions {
	/** PEM public key: networkless verification */
	jwtKey: string | null;
	/** secret key: Clerk's JWKS is fetched from apiUrl and cached by @clerk/backend */
	secretKey: string | null;
	apiUrl: string;
	authorizedParties: string[];
}

/** Verifies Clerk session tokens, networkless with CLERK_JWT_KEY, else against Clerk's cached JWKS. */
export function createClerkVerifier(options: ClerkVerifierOptions): TokenCheck {
	const key = options.jwtKey
		? { jwtKey: options.jwtKey }
		: { secretKey: options.secretKey ?? "", apiUrl: options.apiUrl };
	return {
		check: (token) => verifySessionToken(token, key, options.authorizedParties),
	};
}
