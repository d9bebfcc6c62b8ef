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

/** Input that passed the schema but names something that does not exist; the detail names the field. */
export const invalidRequest = (detail: string) =>
	new AppError(400, "invalid_request", detail);

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

/** An unknown route: the same 404 whether the router or the web app's page fallback finds nothing. */
export const noRoute = (method: string, url: string) =>
	new AppError(404, "not_found", `No route ${method} ${url.split("?")[0]}`);

/** The wait as a person reads it, rounded up: "30 seconds", "2 minutes", "1 hour". */
function inWords(seconds: number): string {
	const [count, unit] =
		seconds < 60
			? [seconds, "second"]
			: seconds < 3600
				? [Math.ceil(seconds / 60), "minute"]
				: [Math.ceil(seconds / 3600), "hour"];
	return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * CONTRACT's 429 rate_limited: `retry_at` in the body, Retry-After in whole seconds (at least
 * one), and a detail that says how long to wait.
 */
export function rateLimited(reason: string, retryAt: Date, now: Date) {
	const seconds = Math.max(
		1,
		Math.ceil((retryAt.getTime() - now.getTime()) / 1000),
	);
	return new AppError(
		429,
		"rate_limited",
		`${reason}; try again in ${inWords(seconds)}`,
		{ retry_at: retryAt.toISOString() },
		{ "retry-after": String(seconds) },
	);
}
