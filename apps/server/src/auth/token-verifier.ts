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
