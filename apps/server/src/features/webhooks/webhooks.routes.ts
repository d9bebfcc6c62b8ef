import {
	ErrorBodySchema,
	type WebhookAck,
	WebhookAckSchema,
} from "@app/contract";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Webhook } from "svix";
import type { Config } from "../../config.js";
import { AppError } from "../../errors.js";
import { readClerkDelivery, SvixHeadersSchema } from "./clerk-delivery.js";
import { handleClerkEvent } from "./handle-clerk-event.js";

/**
 * Clerk's webhooks, delivered by Svix. The signature covers the exact bytes sent, so this scope
 * replaces the JSON parser with one that keeps the raw body.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (
	app,
	{ config },
) => {
	const secret = config.auth.clerk.webhookSecret;
	const verifier = secret ? new Webhook(secret) : null;

	/** Checks a delivery's signature, then applies its event once. */
	async function receive(
		headers: FastifyRequest["headers"],
		body: unknown,
	): Promise<WebhookAck> {
		if (!verifier)
			throw new AppError(
				503,
				"webhook_not_configured",
				"Webhooks are not configured: set CLERK_WEBHOOK_SECRET",
			);
		const raw = typeof body === "string" ? body : "";
		return handleClerkEvent(
			app.services,
			readClerkDelivery(verifier, headers, raw),
		);
	}

	app.removeAllContentTypeParsers();
	app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) =>
		done(null, body),
	);

	app.post(
		"/webhooks/clerk",
		{
			schema: {
				tags: ["webhooks"],
				summary: "Clerk user events, signed by Svix",
				headers: SvixHeadersSchema.partial(),
				response: {
					200: WebhookAckSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
					503: ErrorBodySchema,
				},
			},
		},
		async (request): Promise<WebhookAck> => {
			const ack = await receive(request.headers, request.body).catch(
				(error: unknown) => {
					const outcome = error instanceof AppError ? error.code : "failed";
					app.metrics.webhookDeliveries.inc({ outcome });
					throw error;
				},
			);
			app.metrics.webhookDeliveries.inc({ outcome: ack.status });
			return ack;
		},
	);
};
