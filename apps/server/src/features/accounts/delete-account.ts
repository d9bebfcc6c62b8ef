import { APIError } from "better-auth/api";
import { AppError, rateLimited, unauthorized } from "../../errors.js";
import { accountError } from "./account-errors.js";
import type { AccountsDeps } from "./accounts-deps.js";
import { admitSignIn, clientOf, signInFailed } from "./sign-in-throttle.js";

const signInToDelete = () => unauthorized("Sign in to delete your account");

/**
 * Deletes the signed-in local account and everything it owns, once its password is given again
 * (a session left open on a shared computer is not enough); the Set-Cookie values that end the
 * session in the browser. Each password tried counts as a sign-in attempt of the account from
 * this client, so this route is no way around the sign-in throttle for guessing it.
 */
export async function deleteAccount(
	deps: AccountsDeps,
	{ headers, ip }: { headers: Headers; ip: string },
	password: string,
): Promise<string[]> {
	const session = await deps.auth.api.getSession({ headers });
	if (!session) throw signInToDelete();
	const { email } = session.user;
	const client = clientOf(
		deps.devices.recognise(headers.get("cookie") ?? undefined, email),
		ip,
	);
	const admission = await admitSignIn(deps.db, email, client, deps.now());
	if (!admission.allowed)
		throw rateLimited(
			"Too many wrong passwords for this account from here",
			admission.retryAt,
			deps.now(),
		);
	const deleted = await deps.auth.api
		.deleteUser({ body: { password }, headers, returnHeaders: true })
		.catch(async (error: unknown) => {
			if (!(error instanceof APIError)) throw error;
			if (error.body?.code === "INVALID_PASSWORD") {
				await signInFailed(deps.db, deps.now());
				throw new AppError(401, "invalid_credentials", "Wrong password");
			}
			if (error.statusCode === 401) throw signInToDelete();
			throw accountError(error);
		});
	return deleted.headers.getSetCookie();
}
