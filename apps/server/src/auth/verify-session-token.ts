import { isCleanText, UserIdSchema } from "@app/contract";
import { verifyToken } from "@clerk/backend";
import { TokenVerificationError } from "@clerk/backend/errors";
import { unauthorized } from "../errors.js";
import type { VerifiedToken } from "./token-verifier.js";

/** Where the signing key comes from: a PEM (networkless), or Clerk's JWKS fetched with the secret key. */
export type SigningKey =
	| { jwtKey: string }
	| { secretKey: string; apiUrl: string };

/** CONTRACT: Authentication allows 5 seconds of clock skew on nbf (and exp). */
export const CLOCK_SKEW_MS = 5000;

const optionalClaim = (value: unknown) =>
	typeof value === "string" && value !== "" && isCleanText(value)
		? value
		: null;

/**
 * The one check of a session token, for Clerk's tokens and local accounts' alike: @clerk/backend
 * verifies the signature (RS256 only), exp, nbf, iat and azp against the authorized parties.
 */
export async function verifySessionToken(
	token: string,
	key: SigningKey,
	authorizedParties: string[],
): Promise<VerifiedToken> {
	let payload: Awaited<ReturnType<typeof verifyToken>>;
	try {
		payload = await verifyToken(token, {
			...key,
			authorizedParties,
			clockSkewInMs: CLOCK_SKEW_MS,
		});
	} catch (error) {
		throw unauthorized(
			describe(
				error instanceof TokenVerificationError ? error.reason : "invalid",
			),
		);
	}
	// a signature proves who issued the token, not that its sub can be stored: NUL, a lone surrogate
	// or a megabyte would fail in the database (500) on every route instead of a 401 here
	const sub = UserIdSchema.safeParse(payload.sub);
	if (!sub.success)
		throw unauthorized("The session token's subject is not a valid user id");
	const seconds = (claim: unknown) =>
		typeof claim === "number" ? claim * 1000 : undefined;
	return {
		user: {
			id: sub.data,
			sessionId: optionalClaim(payload.sid),
			email: optionalClaim(payload.email),
			username: optionalClaim(payload.username),
		},
		// verifyToken refused a token without exp; one without nbf is valid from its iat
		expiresAt: seconds(payload.exp) ?? 0,
		notBefore: seconds(payload.nbf) ?? seconds(payload.iat) ?? 0,
		authorizedParty: optionalClaim(payload.azp),
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
