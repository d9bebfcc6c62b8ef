import { z } from "zod";

/** Every machine-readable error code the API answers with (CONTRACT: Errors). */
export const ErrorCodeSchema = z.enum([
	"invalid_request",
	"unauthorized",
	"not_found",
	"payload_too_large",
	"unsupported_media_type",
	"request_timeout",
	"uri_too_long",
	"header_too_large",
	"quota_exhausted",
	"rate_limited",
	"already_answered",
	"email_taken",
	"invalid_credentials",
	"generator_failed",
	"generator_unavailable",
	"webhook_not_configured",
	"invalid_signature",
	"database_unavailable",
	"starting",
	"too_many_in_flight",
	"overloaded",
	"internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The body of every error response: a message for a person and a stable code; some codes add fields. */
export const ErrorBodySchema = z
	.object({
		detail: z.string(),
		code: ErrorCodeSchema,
	})
	.catchall(z.unknown());
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** 429 quota_exhausted carries when the quota refills. */
export const QuotaExhaustedBodySchema = ErrorBodySchema.extend({
	code: z.literal("quota_exhausted"),
	next_reset_at: z.iso.datetime(),
});

/** 409 already_answered carries the first, recorded answer. */
export const AlreadyAnsweredBodySchema = ErrorBodySchema.extend({
	code: z.literal("already_answered"),
	answer_id: z.number().int(),
});
