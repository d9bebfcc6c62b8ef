/**
 * Signs a Clerk-shaped event with CLERK_WEBHOOK_SECRET and posts it to the running server, the
 * way Clerk (through Svix) would: webhooks can be tried with no Clerk account and no tunnel.
 *
 *   npm run webhook:send -- user.created --user user_123 [--email ada@example.com] [--url http://localhost:8000/webhooks/clerk]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Webhook } from "svix";
import { loadDotEnv } from "../src/environment.js";

loadDotEnv();

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		user: { type: "string" },
		email: { type: "string" },
		url: { type: "string" },
		id: { type: "string" },
	},
});

const type = positionals[0];
const secret = process.env.CLERK_WEBHOOK_SECRET;
if (!type) {
	console.error(
		"Usage: npm run webhook:send -- <event type> --user <user id> [--email <address>] [--url <endpoint>]",
	);
	console.error("Event types the server acts on: user.created, user.deleted");
	process.exit(2);
}
if (!secret?.startsWith("whsec_")) {
	console.error(
		"CLERK_WEBHOOK_SECRET is not set. Put the same whsec_… value in .env for the server and for this tool.",
	);
	console.error("For local testing any secret works, for example:");
	console.error(
		`  CLERK_WEBHOOK_SECRET=whsec_${Buffer.from(randomUUID()).toString("base64")}`,
	);
	process.exit(2);
}

const userId =
	values.user ?? `user_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
const now = Date.now();
const data =
	type === "user.created"
		? {
				id: userId,
				object: "user",
				email_addresses: [
					{
						id: `idn_${userId}`,
						email_address: values.email ?? `${userId}@example.com`,
					},
				],
				primary_email_address_id: `idn_${userId}`,
				created_at: now,
				updated_at: now,
			}
		: type === "user.deleted"
			? { id: userId, object: "user", deleted: true }
			: { id: userId };
const payload = JSON.stringify({ data, object: "event", type, timestamp: now });
const messageId = values.id ?? `msg_${randomUUID()}`;
const timestamp = new Date(now);
const url =
	values.url ?? `http://localhost:${process.env.PORT ?? "8000"}/webhooks/clerk`;

const response = await fetch(url, {
	method: "POST",
	headers: {
		"content-type": "application/json",
		"svix-id": messageId,
		"svix-timestamp": String(Math.floor(now / 1000)),
		"svix-signature": new Webhook(secret).sign(messageId, timestamp, payload),
	},
	body: payload,
}).catch((error: unknown) => {
	console.error(
		`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}. Is the server running?`,
	);
	process.exit(1);
});
console.log(
	`${type} for ${userId} (svix-id ${messageId}) → ${response.status} ${await response.text()}`,
);
process.exit(response.ok ? 0 : 1);
