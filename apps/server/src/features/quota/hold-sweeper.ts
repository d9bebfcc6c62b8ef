import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { refundStaleHolds } from "./quota.repo.js";

/** A hold older than this belongs to a generation that can no longer finish (its process died). */
export const HOLD_TTL_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/** Refunds quota units held by generations that a crash interrupted, at start-up and every minute. */
const holdSweeper: FastifyPluginAsync = async (app) => {
	const sweep = async () => {
		const refunded = await refundStaleHolds(
			app.db,
			new Date(app.now().getTime() - HOLD_TTL_MS),
		);
		if (refunded > 0)
			app.log.warn(
				{ refunded },
				"refunded quota units held by interrupted generations",
			);
	};
	let timer: NodeJS.Timeout | undefined;
	app.addHook("onReady", async () => {
		await sweep();
		timer = setInterval(() => {
			sweep().catch((error: unknown) =>
				app.log.error({ err: error }, "hold sweep failed"),
			);
		}, SWEEP_EVERY_MS);
		timer.unref();
	});
	app.addHook("onClose", async () => clearInterval(timer));
};

export default fp(holdSweeper, {
	name: "hold-sweeper",
	dependencies: ["db", "generator"],
});
