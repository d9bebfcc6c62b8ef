import { APIError } from "better-auth/api";
import { AppError } from "../../errors.js";

/** better-auth's errors, in the contract's shape; anything else is left as it is. */
export function accountError(error: unknown): unknown {
	if (!(error instanceof APIError)) return error;
	switch (error.body?.code) {
		case "USER_ALREADY_EXISTS":
		case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
			return new AppError(
				409,
				"email_taken",
				"An account with this email already exists",
			);
		case "INVALID_EMAIL_OR_PASSWORD":
			return new AppError(
				401,
				"invalid_credentials",
				"Wrong email or password",
			);
		default:
			return error.statusCode < 500
				? new AppError(
						400,
						"invalid_request",
						error.body?.message ?? "The request was refused",
					)
				: error;
	}
}
