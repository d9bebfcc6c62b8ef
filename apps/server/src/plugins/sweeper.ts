import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { pruneDeadInstances } from "../db/server-instances.js";
import { pruneSignInAttempts } from "../features/accounts/sign-in-attempts.repo.js";
import { refundOrphanedHolds } from "../features/quota/quota.repo.js";
import { pruneDeliveries } from "../features/webhooks/webhooks.repo.js";
import { pruneRateLimitCounters } from "../rate-limit/counters.repo.js";

/** A hold without an owner (from before holds had owners) is refunded once this old. */
export const HOLD_TTL_MS = 10 * 60_000;
/**
 * Svix retries a failed delivery for about three days; a delivery id is kept well beyond that,
 * so a retry is still recognised as a redelivery, and then forgotten.
 */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3_600_000;
/**
 * With a process taken for dead 20 s after its last heartbeat (INSTANCE_STALE_AFTER_MS), the
 * units its generations held come back within 30 s of its death.
 */
export const SWEEP_EVERY_MS = 10_000;

/**
 * At start-up and every few seconds: refunds quota units held by generations whose process died,
 * and deletes rows nothing reads any more (old webhook delivery ids, sign-in attempt counts and
 * rate-limit windows that have ended, processes long dead).
 */
const sweeper: FastifyPluginAsync = async (app) => {
	const sweep = async () => {
		const now = app.now();
		const refunded = await refundOrphanedHolds(
			app.db,
			new Date(now.getTime() - HOLD_TTL_MS),
		);
		if (refunded > 0)
			app.log.warn(
				{ refunded },
				"refunded quota units held by interrupted generations",
			);
		await pruneDeadInstances(app.db);
		await pruneDeliveries(
			app.db,
			new Date(now.getTime() - DELIVERY_RETENTION_MS),
		);
		await pruneSignInAttempts(app.db, now);
		await pruneRateLimitCounters(app.db, now);
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
	dependencies: ["db", "generator", "instance"],
});
