import type { SessionToken } from "@app/contract";
import { unauthorized } from "../../errors.js";
import type { AccountsDeps } from "./accounts-deps.js";

/** Local session tokens live as long as Clerk's: a minute, refreshed by the web app before they expire. */
export const TOKEN_LIFETIME_S = 60;

/**
 * A session token of Clerk's shape for the signed-in session the headers carry (its cookie).
 * `azp` is the page's origin, as in Clerk's tokens; it is checked against the authorized parties.
 */
export async function issueSessionToken(
	deps: AccountsDeps,
	headers: Headers,
	azp: string,
): Promise<SessionToken> {
	const signedIn = await deps.auth.api.getSession({ headers });
	if (!signedIn) throw unauthorized("Not signed in");
	const { session, user } = signedIn;
	const now = Math.floor(deps.now().getTime() / 1000);
	const exp = now + TOKEN_LIFETIME_S;
	const { token } = await deps.auth.api.signJWT({
		body: {
			payload: {
				sub: user.id,
				sid: session.id,
				azp,
				email: user.email,
				iat: now,
				nbf: now,
				exp,
			},
		},
	});
	return { token, expires_at: new Date(exp * 1000).toISOString() };
}
