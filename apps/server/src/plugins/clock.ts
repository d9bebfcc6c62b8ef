import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
	interface FastifyInstance {
		/** the clock every feature reads the time from; tests move it to cross quota windows */
		now: () => Date;
	}
}

/** The one place the wall clock is read (lint bans Date.now() and new Date() elsewhere in src). */
// biome-ignore lint/plugin: this is the clock
export const wallClock = () => new Date();

const clockPlugin: FastifyPluginAsync<{ now?: () => Date }> = async (
	app,
	{ now = wallClock },
) => {
	app.decorate("now", now);
};

export default fp(clockPlugin, { name: "clock" });
