import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { pruneSignInAttempts } from "../features/accounts/sign-in-attempts.repo.js";
import { refundStaleHolds } from "../features/quota/quota.repo.js";
import { pruneDeliveries } from "../features/webhooks/webhooks.repo.js";

/** A hold older than this belongs to a generation that can no longer finish (its process died). */
export const HOLD_TTL_MS = 10 * 60_000;
/**
 * Svix retries a failed delivery for about three days; a delivery id is kept well beyond that,
 * so a retry is still recognised as a redelivery, and then forgotten.
 */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3_600_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * At start-up and every minute: refunds quota units held by generations that a crash
 * interrupted, and deletes rows nothing reads any more (old webhook delivery ids, sign-in
 * attempt counts whose window has ended).
 */
const sweeper: FastifyPluginAsync = async (app) => {
	const sweep = async () => {
		const now = app.now();
		const refunded = await refundStaleHolds(
			app.db,
			new Date(now.getTime() - HOLD_TTL_MS),
		);
		if (refunded > 0)
			app.log.warn(
				{ refunded },
				"refunded quota units held by interrupted generations",
			);
		await pruneDeliveries(
			app.db,
			new Date(now.getTime() - DELIVERY_RETENTION_MS),
		);
		await pruneSignInAttempts(app.db, now);
	};
	let timer: NodeJS.Timeout | undefined;
	app.addHook("onReady", async () => {
		await sweep();
		timer = setInterval(() => {
			sweep().catch((error: unknown) =>
				app.log.error({ err: error }, "sweep failed"),
			);
		}, SWEEP_EVERY_MS);
		timer.unref();
	});
	app.addHook("onClose", async () => clearInterval(timer));
};

export default fp(sweeper, {
	name: "sweeper",
	dependencies: ["db", "generator"],
});
