import { AppError } from "../../errors.js";
import { accountError } from "./account-errors.js";
import type { AccountsDeps, Credentials, SignedIn } from "./accounts-deps.js";
import { passwordWeakness } from "./password-strength.js";

/** Creates a local account and signs it in (its quota comes from better-auth's user hook). */
export async function signUp(
	deps: AccountsDeps,
	{ email, password, headers }: Credentials,
): Promise<SignedIn> {
	const weakness = passwordWeakness(password, email);
	if (weakness)
		throw new AppError(400, "invalid_request", `body.password: ${weakness}`);
	const created = await deps.auth.api
		.signUpEmail({
			body: { email, password, name: email.split("@")[0] ?? email },
			headers,
			returnHeaders: true,
		})
		.catch((error: unknown) => {
			throw accountError(error);
		});
	const { user } = created.response;
	return {
		account: { id: user.id, email: user.email },
		cookies: [...created.headers.getSetCookie(), deps.devices.cookieFor(email)],
	};
}
