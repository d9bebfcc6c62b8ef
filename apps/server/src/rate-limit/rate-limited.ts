import type { FastifyReply } from "fastify";
import { AppError } from "../errors.js";

/**
 * CONTRACT's 429 rate_limited: `retry_at` in the body and Retry-After in whole seconds, at least
 * one. Sets the header on the reply and returns the error to throw.
 */
export function rateLimited(
	reply: FastifyReply,
	detail: string,
	retryAt: Date,
	now: Date,
): AppError {
	const seconds = Math.max(
		1,
		Math.ceil((retryAt.getTime() - now.getTime()) / 1000),
	);
	reply.header("retry-after", String(seconds));
	return new AppError(429, "rate_limited", detail, {
		retry_at: retryAt.toISOString(),
	});
}
