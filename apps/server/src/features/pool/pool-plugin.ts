import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { type ChallengePool, createChallengePool } from "./challenge-pool.js";

declare module "fastify" {
	interface FastifyInstance {
		/** ready challenges per cell; null when POOL_SIZE is 0 */
		pool: ChallengePool | null;
	}
}

/** Starts filling the pool once the server is ready and stops it on close. */
const poolPlugin: FastifyPluginAsync<{ size: number }> = async (
	app,
	{ size },
) => {
	const pool =
		size > 0
			? createChallengePool({
					db: app.db,
					generator: app.generator,
					size,
					now: app.now,
					log: app.log,
				})
			: null;
	app.decorate("pool", pool);
	if (!pool) return;
	app.addHook("onReady", async () => pool.refillAll());
	app.addHook("onClose", async () => pool.stop());
};

export default fp(poolPlugin, {
	name: "pool",
	dependencies: ["db", "generator"],
});
