import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Webhook } from "svix";

export const WEBHOOK_SECRET = `whsec_${Buffer.from("cct-test-webhook-secret-32-bytes").toString("base64")}`;

/** Headers and body of a Clerk event as Svix delivers it, signed with Svix's own code. */
export function signedEvent(
	event: { type: string; data: Record<string, unknown> },
	options: { id?: string; timestamp?: Date; secret?: string } = {},
) {
	const id = options.id ?? `msg_${randomUUID()}`;
	const timestamp = options.timestamp ?? new Date();
	const payload = JSON.stringify({ object: "event", ...event });
	const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(
		id,
		timestamp,
		payload,
	);
	return {
		payload,
		headers: {
			"content-type": "application/json",
			"svix-id": id,
			"svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
			"svix-signature": signature,
		},
	};
}

/**
 * POST /webhooks/clerk with a delivery's headers and body, as Svix sends it. (Typed by what it
 * uses: build-test-app imports this file, so it cannot import build-test-app's types back.)
 */
export const deliver = (
	t: { app: Pick<FastifyInstance, "inject"> },
	delivery: ReturnType<typeof signedEvent>,
) =>
	t.app.inject({
		method: "POST",
		url: "/webhooks/clerk",
		headers: delivery.headers,
		payload: delivery.payload,
	});
