import { APIError } from "better-auth/api";
import { AppError, unauthorized } from "../../errors.js";
import { accountError } from "./account-errors.js";
import type { AccountsDeps } from "./accounts-deps.js";

/**
 * Deletes the signed-in local account and everything it owns, once its password is given again
 * (a session left open on a shared computer is not enough); the Set-Cookie values that end the
 * session in the browser.
 */
export async function deleteAccount(
	deps: AccountsDeps,
	headers: Headers,
	password: string,
): Promise<string[]> {
	const deleted = await deps.auth.api
		.deleteUser({ body: { password }, headers, returnHeaders: true })
		.catch((error: unknown) => {
			if (!(error instanceof APIError)) throw error;
			if (error.body?.code === "INVALID_PASSWORD")
				throw new AppError(401, "invalid_credentials", "Wrong password");
			if (error.statusCode === 401)
				throw unauthorized("Sign in to delete your account");
			throw accountError(error);
		});
	return deleted.headers.getSetCookie();
}
