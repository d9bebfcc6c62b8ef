import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { quotas, webhookDeliveries } from "../../../src/db/schema.js";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	generate,
	myHistory,
	practise,
	quota,
	quotaOf,
	stats,
} from "../../helpers/practice.js";
import { deliver, signedEvent } from "../../helpers/svix.js";
import { ENGINES } from "../../helpers/test-db.js";

const mediumJavaScript = { difficulty: "medium", language: "javascript" };

const userCreated = (userId: string) => ({
	type: "user.created",
	data: {
		id: userId,
		object: "user",
		email_addresses: [{ email_address: "ada@example.com" }],
	},
});

describe.each(ENGINES)("POST /webhooks/clerk on %s", (engine) => {
	const context = useTestContext(engine);

	it("provisions the new user's quota on user.created", async () => {
		const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 9 } });
		const userId = newUserId();
		const response = await deliver(t, signedEvent(userCreated(userId)));
		expect(response.statusCode).toBe(200);
		expect(response.json()).toEqual({ status: "processed" });
		const remaining = await quota(t, await t.auth(userId));
		expect(remaining.json()).toMatchObject({ quota_remaining: 9 });
	});

	it("does not reset a spent quota when user.created arrives again under a new id", async () => {
		const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 3 } });
		const userId = newUserId();
		const headers = await t.auth(userId);
		await deliver(t, signedEvent(userCreated(userId)));
		await generate(t, headers, mediumJavaScript);
		expect((await deliver(t, signedEvent(userCreated(userId)))).json()).toEqual(
			{ status: "processed" },
		);
		expect(await quotaOf(t, headers)).toBe(2);
	});

	it("has no second effect when Svix redelivers the same message", async () => {
		const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 4 } });
		const userId = newUserId();
		const headers = await t.auth(userId);
		await generate(t, headers, mediumJavaScript);
		const deletion = signedEvent({
			type: "user.deleted",
			data: { id: userId, deleted: true },
		});
		expect((await deliver(t, deletion)).json()).toEqual({
			status: "processed",
		});
		await quota(t, headers);
		await generate(t, headers, mediumJavaScript);
		const redelivered = await deliver(t, deletion);
		expect(redelivered.statusCode).toBe(200);
		expect(redelivered.json()).toEqual({ status: "duplicate" });
		const history = (await myHistory(t, headers)).json();
		expect(history.challenges).toHaveLength(1);
	});

	it("deletes the user's challenges, answers and quota on user.deleted; the id later starts afresh", async () => {
		const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 5 } });
		const userId = newUserId();
		const headers = await t.auth(userId);
		await practise(t, headers, "medium", true, "javascript");
		const bystander = await t.auth(newUserId());
		await generate(t, bystander, mediumJavaScript);

		await deliver(
			t,
			signedEvent({
				type: "user.deleted",
				data: { id: userId, deleted: true },
			}),
		);

		expect((await myHistory(t, headers)).json().challenges).toEqual([]);
		expect((await stats(t, headers)).json()).toMatchObject({
			total: 0,
			answered: 0,
		});
		expect(await quotaOf(t, headers)).toBe(5);
		const kept = (await myHistory(t, bystander)).json();
		expect(kept.challenges).toHaveLength(1);
	});

	it("answers 200 ignored for other event types", async () => {
		const t = await buildTestApp(context);
		const response = await deliver(
			t,
			signedEvent({ type: "session.created", data: { id: "sess_1" } }),
		);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toEqual({ status: "ignored" });
	});

	type Event = { type: string; data: { id: string } & Record<string, unknown> };
	it.each([
		[
			"a signature from another secret",
			(event: Event) =>
				signedEvent(event, {
					secret: `whsec_${Buffer.from("another-secret-another-secret!!").toString("base64")}`,
				}),
		],
		[
			"a stale timestamp",
			(event: Event) =>
				signedEvent(event, {
					timestamp: new Date(Date.now() - 10 * 60_000),
				}),
		],
		[
			"a timestamp in the future",
			(event: Event) =>
				signedEvent(event, {
					timestamp: new Date(Date.now() + 10 * 60_000),
				}),
		],
		[
			"a body changed after signing",
			(event: Event) => {
				// a genuine delivery about the attacker's own account, redirected at the victim
				const signed = signedEvent({
					...event,
					data: { ...event.data, id: "user_attacker" },
				});
				return {
					...signed,
					payload: signed.payload.replace("user_attacker", event.data.id),
				};
			},
		],
		[
			"missing Svix headers",
			(event: Event) => ({
				...signedEvent(event),
				headers: { "content-type": "application/json" } as never,
			}),
		],
	])(
		"answers 401 for %s and changes nothing: a forged user.deleted leaves the user's data, a forged user.created creates no quota",
		async (_, forge) => {
			const t = await buildTestApp(context, { env: { QUOTA_INITIAL: 2 } });
			const victim = newUserId();
			const headers = await t.auth(victim);
			const challenge = await practise(
				t,
				headers,
				"medium",
				true,
				"javascript",
			);
			const newcomer = newUserId();

			for (const event of [
				{ type: "user.deleted", data: { id: victim, deleted: true } },
				userCreated(newcomer),
			]) {
				const delivery = forge(event);
				const response = await deliver(t, delivery);
				expect(response.statusCode).toBe(401);
				expect(response.json()).toMatchObject({ code: "invalid_signature" });
				const svixId = (delivery.headers as Record<string, string>)["svix-id"];
				if (svixId)
					expect(
						await context.db.db
							.select()
							.from(webhookDeliveries)
							.where(eq(webhookDeliveries.svixId, svixId)),
					).toEqual([]);
			}

			const history = (await myHistory(t, headers)).json();
			expect(history.challenges).toHaveLength(1);
			expect(history.challenges[0]).toMatchObject({
				id: challenge.id,
				answer: { answer_id: challenge.correct_answer_id, correct: true },
			});
			const [quota] = await context.db.db
				.select()
				.from(quotas)
				.where(eq(quotas.userId, victim));
			expect(quota?.quotaRemaining).toBe(1);
			expect(
				await context.db.db
					.select()
					.from(quotas)
					.where(eq(quotas.userId, newcomer)),
			).toEqual([]);
		},
	);

	it("answers 400 for a signed event without data.id", async () => {
		const t = await buildTestApp(context);
		const response = await deliver(
			t,
			signedEvent({ type: "user.created", data: {} }),
		);
		expect(response.statusCode).toBe(400);
		expect(response.json()).toMatchObject({ code: "invalid_request" });
	});

	it("answers 503 webhook_not_configured without CLERK_WEBHOOK_SECRET", async () => {
		const t = await buildTestApp(context, {
			env: { CLERK_WEBHOOK_SECRET: undefined },
		});
		const response = await deliver(t, signedEvent(userCreated(newUserId())));
		expect(response.statusCode).toBe(503);
		expect(response.json()).toMatchObject({ code: "webhook_not_configured" });
	});
});
