/** The caller, as proven by a verified session token. */
export interface AuthUser {
	/** the token's `sub`: Clerk's user id, or a local account's id */
	id: string;
	sessionId: string | null;
	email: string | null;
	username: string | null;
}

/** Checks a bearer token; resolves to the user, or rejects with a 401 AppError. */
export interface TokenVerifier {
	verify(token: string): Promise<AuthUser>;
}

/** A token that passed the full check, with the claims every later use must still satisfy. */
export interface VerifiedToken {
	user: AuthUser;
	/** `exp`, in ms */
	expiresAt: number;
	/** `nbf`, in ms (`iat` when the token has none) */
	notBefore: number;
	/** `azp`, when the token names one */
	authorizedParty: string | null;
}

/** The full check of a token (signature and claims), which a TokenVerifier caches. */
export interface TokenCheck {
	check(token: string): Promise<VerifiedToken>;
}
