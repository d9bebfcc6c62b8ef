import {
	type ClerkWebhookEvent,
	ClerkWebhookEventSchema,
	textField,
} from "@app/contract";
import { type Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import { AppError } from "../../errors.js";

/** Svix's message ids are about 30 characters; the id is stored (and indexed) to spot redeliveries. */
const SvixIdSchema = textField({ max: 255 }).min(1);

export const SvixHeadersSchema = z.object({
	"svix-id": z.string().min(1),
	"svix-timestamp": z.string().min(1),
	"svix-signature": z.string().min(1),
});

/** A delivery whose signature was verified: Svix's message id and Clerk's event. */
export interface ClerkDelivery {
	id: string;
	event: ClerkWebhookEvent;
}

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

/**
 * Verifies a delivery's signature over the exact bytes sent (401 invalid_signature), then reads
 * its id and event (400 invalid_request). Nothing of an unverified body is read.
 */
export function readClerkDelivery(
	verifier: Webhook,
	headers: unknown,
	body: string,
): ClerkDelivery {
	const signed = SvixHeadersSchema.safeParse(headers);
	if (!signed.success)
		throw new AppError(
			401,
			"invalid_signature",
			"Missing Svix signature headers",
		);
	try {
		verifier.verify(body, signed.data);
	} catch (error) {
		if (!(error instanceof WebhookVerificationError)) throw error;
		throw new AppError(
			401,
			"invalid_signature",
			"The webhook signature is invalid or too old",
		);
	}
	const id = signed.data["svix-id"];
	if (!SvixIdSchema.safeParse(id).success)
		throw new AppError(
			400,
			"invalid_request",
			"headers.svix-id: must be at most 255 characters, without control characters",
		);
	const json = parseJson(body);
	const event = ClerkWebhookEventSchema.safeParse(json);
	if (!event.success)
		throw new AppError(
			400,
			"invalid_request",
			json === undefined
				? "The event is not JSON"
				: event.error.issues
						.map(
							(issue) =>
								`${["body", ...issue.path].join(".")}: ${issue.message}`,
						)
						.join("; "),
		);
	return { id, event: event.data };
}
