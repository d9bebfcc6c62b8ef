import { randomUUID } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../db/open-db.js";
import {
	beat,
	forgetInstance,
	forgetOtherInstances,
	HEARTBEAT_EVERY_MS,
} from "../db/server-instances.js";

declare module "fastify" {
	interface FastifyInstance {
		/** this server process among those sharing the database; it owns what its requests hold */
		instanceId: string;
	}
}

/**
 * Registers this process in the database and keeps its heartbeat, so that when it dies the
 * others know within seconds and refund what its generations held (the sweeper does). On an
 * embedded database only one process ever runs: every other registered process is dead.
 */
const instancePlugin: FastifyPluginAsync<{
	engine: Database["engine"];
}> = async (app, { engine }) => {
	const id = randomUUID();
	app.decorate("instanceId", id);
	let timer: NodeJS.Timeout | undefined;
	app.addHook("onReady", async () => {
		await beat(app.db, id);
		if (engine === "pglite") await forgetOtherInstances(app.db, id);
		timer = setInterval(() => {
			beat(app.db, id).catch((error: unknown) =>
				app.log.error({ err: error }, "heartbeat failed"),
			);
		}, HEARTBEAT_EVERY_MS);
		timer.unref();
	});
	app.addHook("onClose", async () => {
		clearInterval(timer);
		await forgetInstance(app.db, id).catch((error: unknown) =>
			app.log.warn({ err: error }, "could not unregister this process"),
		);
	});
};

export default fp(instancePlugin, { name: "instance", dependencies: ["db"] });
