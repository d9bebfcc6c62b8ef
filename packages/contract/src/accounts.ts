import { z } from "zod";
import {
	EMAIL_MAX_LENGTH,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
} from "./constants.js";
import { textField } from "./text.js";

/** Emails are case-insensitive: they are trimmed and lower-cased before anything else. */
const EmailSchema = textField({ max: EMAIL_MAX_LENGTH })
	.trim()
	.toLowerCase()
	.pipe(z.email("must be a valid email address"));

/** Body of POST /api/auth/sign-up (local accounts). */
export const SignUpRequestSchema = z.object({
	email: EmailSchema,
	password: textField({ max: PASSWORD_MAX_LENGTH }).min(
		PASSWORD_MIN_LENGTH,
		`must be at least ${PASSWORD_MIN_LENGTH} characters`,
	),
});
export type SignUpRequest = z.infer<typeof SignUpRequestSchema>;

/** Body of POST /api/auth/sign-in (local accounts). */
export const SignInRequestSchema = z.object({
	email: EmailSchema,
	password: textField({ max: PASSWORD_MAX_LENGTH }).min(1, "is required"),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** Body of DELETE /api/auth/account (local accounts): the password again, so a borrowed session cannot. */
export const DeleteAccountRequestSchema = z.object({
	password: textField({ max: PASSWORD_MAX_LENGTH }).min(1, "is required"),
});
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequestSchema>;

/** The signed-in local account. */
export const AccountSchema = z.object({
	user: z.object({ id: z.string(), email: z.string() }),
});
export type Account = z.infer<typeof AccountSchema>;

/** Response of GET /api/auth/session: the signed-in account, or null (not an error: signed out is a normal state). */
export const SessionSchema = z.object({
	user: z.object({ id: z.string(), email: z.string() }).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

/** Response of GET /api/auth/token: a short-lived session token of Clerk's shape, for `Authorization: Bearer`. */
export const SessionTokenSchema = z.object({
	token: z.string(),
	expires_at: z.iso.datetime(),
});
export type SessionToken = z.infer<typeof SessionTokenSchema>;

/** Response of POST /api/auth/sign-out. */
export const SignedOutSchema = z.object({ status: z.literal("signed_out") });
