import type { FastifyReply } from "fastify";
import { AppError } from "../errors.js";

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
 * one), and a detail that says how long to wait. Sets the header on the reply and returns the
 * error to throw.
 */
export function rateLimited(
	reply: FastifyReply,
	reason: string,
	retryAt: Date,
	now: Date,
): AppError {
	const seconds = Math.max(
		1,
		Math.ceil((retryAt.getTime() - now.getTime()) / 1000),
	);
	reply.header("retry-after", String(seconds));
	return new AppError(
		429,
		"rate_limited",
		`${reason}; try again in ${inWords(seconds)}`,
		{ retry_at: retryAt.toISOString() },
	);
}
