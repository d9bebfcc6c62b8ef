import { verifyToken } from "@clerk/backend";
import { TokenVerificationError } from "@clerk/backend/errors";
import { unauthorized } from "../errors.js";
import type { TokenVerifier } from "./token-verifier.js";

export interface ClerkVerifierOptions {
	/** PEM public key: networkless verification */
	jwtKey: string | null;
	/** secret key: Clerk's JWKS is fetched from apiUrl and cached by @clerk/backend */
	secretKey: string | null;
	apiUrl: string;
	authorizedParties: string[];
}

/** CONTRACT: Authentication allows 5 seconds of clock skew on nbf (and exp). */
const CLOCK_SKEW_MS = 5000;

const optionalClaim = (value: unknown) =>
	typeof value === "string" && value !== "" ? value : null;

/**
 * Verifies Clerk session tokens with @clerk/backend: signature (RS256 only), exp, nbf, iat and
 * azp against the authorized parties. The same code checks local-account tokens, keyed with the
 * local public key.
 */
export function createClerkVerifier(
	options: ClerkVerifierOptions,
): TokenVerifier {
	return {
		async verify(token) {
			let payload: Awaited<ReturnType<typeof verifyToken>>;
			try {
				payload = await verifyToken(token, {
					...(options.jwtKey
						? { jwtKey: options.jwtKey }
						: { secretKey: options.secretKey ?? undefined }),
					apiUrl: options.apiUrl,
					authorizedParties: options.authorizedParties,
					clockSkewInMs: CLOCK_SKEW_MS,
				});
			} catch (error) {
				throw unauthorized(
					describe(
						error instanceof TokenVerificationError ? error.reason : "invalid",
					),
				);
			}
			return {
				id: payload.sub,
				sessionId: optionalClaim(payload.sid),
				email: optionalClaim(payload.email),
				username: optionalClaim(payload.username),
			};
		},
	};
}

/** A message for the caller that says what is wrong without echoing the token or the key. */
function describe(reason: string): string {
	switch (reason) {
		case "token-expired":
			return "The session token has expired";
		case "token-not-active-yet":
			return "The session token is not valid yet";
		case "token-invalid-authorized-parties":
			return "The session token was issued for another application (azp)";
		case "jwk-remote-failed-to-load":
		case "jwk-failed-to-resolve":
		case "jwk-remote-missing":
			return "The session token's signing key could not be resolved";
		default:
			return "The session token is invalid";
	}
}
