import type { Generator } from "@app/generator";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
	interface FastifyInstance {
		generator: Generator;
		/** the clock; tests move it to cross quota windows */
		now: () => Date;
	}
}

interface GeneratorPluginOptions {
	generator: Generator;
	owned: boolean;
	now: () => Date;
}

/** Exposes the challenge generator and the clock; stops the sandbox workers with the app. */
const generatorPlugin: FastifyPluginAsync<GeneratorPluginOptions> = async (
	app,
	{ generator, owned, now },
) => {
	app.decorate("generator", generator);
	app.decorate("now", now);
	if (owned) app.addHook("onClose", () => generator.close());
};

export default fp(generatorPlugin, { name: "generator" });
