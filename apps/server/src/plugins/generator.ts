import type { Generator } from "@app/generator";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
	interface FastifyInstance {
		generator: Generator;
		/** whether both sandboxes have started, so that a generation waits for no interpreter to load */
		sandboxesWarm: () => boolean;
	}
}

interface GeneratorPluginOptions {
	generator: Generator;
	owned: boolean;
}

/** A failed warm-up (a sandbox process that could not start) is tried again this much later. */
const WARM_RETRY_MS = 5_000;

/**
 * Exposes the challenge generator. Once the app is ready it starts both sandboxes
 * in the background (until then /api/health answers "starting"); it stops them with the app.
 */
const generatorPlugin: FastifyPluginAsync<GeneratorPluginOptions> = async (
	app,
	{ generator, owned },
) => {
	let warm = false;
	let closed = false;
	let retry: NodeJS.Timeout | undefined;
	const warmUp = () => {
		generator.warm().then(
			() => {
				warm = true;
			},
			(error: unknown) => {
				if (closed) return;
				app.log.error({ err: error }, "sandbox warm-up failed; retrying");
				retry = setTimeout(warmUp, WARM_RETRY_MS);
				retry.unref();
			},
		);
	};
	app.decorate("generator", generator);
	app.decorate("sandboxesWarm", () => warm);
	app.addHook("onReady", async () => warmUp());
	app.addHook("onClose", async () => {
		closed = true;
		clearTimeout(retry);
		if (owned) await generator.close();
	});
};

export default fp(generatorPlugin, { name: "generator" });
