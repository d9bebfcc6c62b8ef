import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";

/** Work a feature runs in the background while the server is up, such as filling the pool. */
export interface BackgroundTask {
	name: string;
	/** starts the work; it runs on after this returns */
	start(): void;
	/** stops the work and waits for what is in flight */
	stop(): Promise<void>;
}

/** Starts the tasks it is given once the app is ready, and stops them when it closes. */
const backgroundTasks: FastifyPluginAsync<{ tasks: BackgroundTask[] }> = async (
	app,
	{ tasks },
) => {
	app.addHook("onReady", async () => {
		for (const task of tasks) task.start();
	});
	app.addHook("onClose", async () => {
		await Promise.all(tasks.map((task) => task.stop()));
	});
};

export default fp(backgroundTasks, { name: "background-tasks" });
