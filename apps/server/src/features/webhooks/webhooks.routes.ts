import {
	ClerkWebhookEventSchema,
	ErrorBodySchema,
	textField,
	type WebhookAck,
	WebhookAckSchema,
} from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import type { Config } from "../../config.js";
import { AppError } from "../../errors.js";
import { deleteUser, provisionUser } from "../users/users.service.js";
import { recordDelivery } from "./webhooks.repo.js";

/** Svix's message ids are about 30 characters; the id is stored (and indexed) to spot redeliveries. */
const SvixIdSchema = textField({ max: 255 }).min(1);

const SvixHeadersSchema = z.object({
	"svix-id": z.string().min(1),
	"svix-timestamp": z.string().min(1),
	"svix-signature": z.string().min(1),
});

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

const HANDLED_EVENTS = new Set(["user.created", "user.deleted"]);

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
			if (!verifier) {
				throw new AppError(
					503,
					"webhook_not_configured",
					"Webhooks are not configured: set CLERK_WEBHOOK_SECRET",
				);
			}
			const headers = SvixHeadersSchema.safeParse(request.headers);
			if (!headers.success)
				throw new AppError(
					401,
					"invalid_signature",
					"Missing Svix signature headers",
				);
			const body = typeof request.body === "string" ? request.body : "";
			try {
				verifier.verify(body, headers.data);
			} catch (error) {
				if (!(error instanceof WebhookVerificationError)) throw error;
				throw new AppError(
					401,
					"invalid_signature",
					"The webhook signature is invalid or too old",
				);
			}
			if (!SvixIdSchema.safeParse(headers.data["svix-id"]).success)
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
			const { type, data } = event.data;
			if (!HANDLED_EVENTS.has(type)) return { status: "ignored" };

			const now = app.now();
			return app.db.transaction(async (tx) => {
				// the delivery and its effect commit together: a redelivery after a crash runs the effect once
				if (!(await recordDelivery(tx, headers.data["svix-id"], type, now)))
					return { status: "duplicate" as const };
				if (type === "user.created")
					await provisionUser(tx, data.id, config.quota, now);
				else await deleteUser(tx, data.id);
				return { status: "processed" as const };
			});
		},
	);
};
