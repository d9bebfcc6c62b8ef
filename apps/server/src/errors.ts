import type { ErrorCode } from "@app/contract";

/** An error meant for the caller: its status, code, detail and extra fields become the response. */
export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		detail: string,
		readonly extra: Record<string, unknown> = {},
	) {
		super(detail);
		this.name = "AppError";
	}
}

export const notFound = (what: string) =>
	new AppError(404, "not_found", `${what} not found`);

export const unauthorized = (detail = "A valid session token is required") =>
	new AppError(401, "unauthorized", detail);

export const quotaExhausted = (nextResetAt: Date) =>
	new AppError(
		429,
		"quota_exhausted",
		"You have used all your challenges for now; your quota refills at next_reset_at",
		{
			next_reset_at: nextResetAt.toISOString(),
		},
	);

export const alreadyAnswered = (answerId: number) =>
	new AppError(
		409,
		"already_answered",
		"This challenge has already been answered; the first answer is the one recorded",
		{
			answer_id: answerId,
		},
	);
