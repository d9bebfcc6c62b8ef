import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

/** Periodic clean-up a feature asks for: refunds, or deleting rows nothing reads any more. */
export interface CleanupJob {
	/** names the job in the log when it fails */
	name: string;
	run(now: Date): Promise<unknown>;
}

/**
 * With a process taken for dead 20 s after its last heartbeat (INSTANCE_STALE_AFTER_MS), the
 * units its generations held come back within 30 s of its death.
 */
export const SWEEP_EVERY_MS = 10_000;

/**
 * Runs the clean-up jobs the features hand to it (app.ts lists them): once when the app is ready,
 * before it listens, then every few seconds. A failing job is logged and does not stop the others.
 */
const sweeper: FastifyPluginAsync<{ jobs: CleanupJob[] }> = async (
	app,
	{ jobs },
) => {
	const sweep = async () => {
		const now = app.now();
		for (const job of jobs) {
			await job
				.run(now)
				.catch((error: unknown) =>
					app.log.error({ err: error, job: job.name }, "clean-up job failed"),
				);
		}
	};
	let timer: NodeJS.Timeout | undefined;
	app.addHook("onReady", async () => {
		await sweep();
		timer = setInterval(sweep, SWEEP_EVERY_MS);
		timer.unref();
	});
	app.addHook("onClose", async () => clearInterval(timer));
};

export default fp(sweeper, { name: "sweeper", dependencies: ["clock"] });
