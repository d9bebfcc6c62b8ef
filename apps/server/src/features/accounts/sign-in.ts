import type { FastifyBaseLogger } from "fastify";
import { AppError, rateLimited } from "../../errors.js";
import { accountError } from "./account-errors.js";
import type { AccountsDeps, Credentials, SignedIn } from "./accounts-deps.js";
import {
	admitSignIn,
	clientOf,
	signInFailed,
	signInSucceeded,
} from "./sign-in-throttle.js";

const TOO_MANY = {
	client: "Too many sign-in attempts for this account from here",
	everyone:
		"Too many failed sign-ins on this server in the last hour: only a browser you have signed in with before may sign in now",
};

/**
 * Signs in to a local account. Repeated failures slow down the client that makes them (its
 * device cookie, else its address), never the account's owner elsewhere: 429 rate_limited with
 * Retry-After while it must wait.
 */
export async function signIn(
	deps: AccountsDeps,
	{ email, password, headers, ip }: Credentials,
	log: FastifyBaseLogger,
): Promise<SignedIn> {
	const device = deps.devices.recognise(
		headers.get("cookie") ?? undefined,
		email,
	);
	const client = clientOf(device, ip);
	const admission = await admitSignIn(deps.db, email, client, deps.now());
	if (!admission.allowed) {
		deps.metrics.signInFailures.inc({ reason: "rate_limited" });
		throw rateLimited(TOO_MANY[admission.why], admission.retryAt, deps.now());
	}
	const signedIn = await deps.auth.api
		.signInEmail({ body: { email, password }, headers, returnHeaders: true })
		.catch(async (error: unknown) => {
			const refusal = accountError(error);
			if (refusal instanceof AppError)
				deps.metrics.signInFailures.inc({ reason: refusal.code });
			if (
				refusal instanceof AppError &&
				refusal.code === "invalid_credentials" &&
				(await signInFailed(deps.db, deps.now()))
			)
				log.warn(
					"failed sign-ins reached the hourly cap: until the hour ends, only browsers that signed in before may sign in",
				);
			throw refusal;
		});
	await signInSucceeded(deps.db, email, client);
	const { user } = signedIn.response;
	return {
		account: { id: user.id, email: user.email },
		cookies: [
			...signedIn.headers.getSetCookie(),
			deps.devices.cookieFor(email, device),
		],
	};
}
