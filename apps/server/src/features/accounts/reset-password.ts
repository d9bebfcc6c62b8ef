import type { LocalAuth } from "./local-auth.js";

/**
 * Sets a local account's password and signs it out everywhere; false when no account has that
 * email. There is no reset e-mail without an SMTP server: an operator runs this instead.
 */
export async function resetPassword(
	auth: LocalAuth,
	email: string,
	password: string,
): Promise<boolean> {
	const context = await auth.$context;
	const found = await context.internalAdapter.findUserByEmail(
		email.trim().toLowerCase(),
	);
	if (!found) return false;
	await context.internalAdapter.updatePassword(
		found.user.id,
		await context.password.hash(password),
	);
	await context.internalAdapter.deleteUserSessions(found.user.id);
	return true;
}
