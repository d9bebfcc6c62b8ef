import type { ErrorCode } from "@app/contract";

/** An error meant for the caller: its status, code, detail and extra fields become the response. */
export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		detail: string,
		readonly extra: Record<string, unknown> = {},
		/** response headers that go with it, such as Retry-After */
		readonly headers: Record<string, string> = {},
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

/** How long a user with too many generations in flight is asked to wait: about one generation. */
const IN_FLIGHT_RETRY_S = 5;

export const tooManyInFlight = (limit: number) =>
	new AppError(
		429,
		"too_many_in_flight",
		`You already have ${limit} challenges being generated; wait for one to finish`,
		{},
		{ "retry-after": String(IN_FLIGHT_RETRY_S) },
	);
