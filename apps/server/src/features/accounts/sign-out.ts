import { APIError } from "better-auth/api";
import type { AccountsDeps } from "./accounts-deps.js";

/** Ends the session the headers carry; the Set-Cookie values that clear it in the browser. */
export async function signOut(
	deps: AccountsDeps,
	headers: Headers,
): Promise<string[]> {
	const signedOut = await deps.auth.api
		.signOut({ headers, returnHeaders: true })
		.catch((error: unknown) => {
			// signing out without a session is already the wanted state
			if (error instanceof APIError && error.statusCode < 500) return null;
			throw error;
		});
	return signedOut?.headers.getSetCookie() ?? [];
}
