import underPressure from "@fastify/under-pressure";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

declare module "fastify" {
	interface FastifyInstance {
		/** the limit the server was over at the last sample, or null; GET /api/health reports it */
		overload(): Overload | null;
	}
}

/** A limit passed: what was measured, its value and its limit, in the unit given. */
export interface Overload {
	measure: "event-loop delay" | "heap used" | "resident memory";
	value: number;
	limit: number;
	unit: "ms" | "MB";
}

const MB = 1024 * 1024;

/**
 * The routes refused under pressure: the API and the webhooks (Svix retries a 503). Not
 * /api/health, which reports the pressure to the load balancer; not the web app's files, cheap
 * to send and needed to show anything at all; not /docs or /metrics, which an operator reads
 * precisely then; and not unknown URLs, whose 404 costs less than a 503 would.
 */
const SHED_PREFIXES = ["/api/", "/webhooks/"];
const NEVER_SHED = new Set(["/api/health"]);

function isShed(request: FastifyRequest): boolean {
	const route = request.routeOptions.url;
	return (
		route !== undefined &&
		!NEVER_SHED.has(route) &&
		SHED_PREFIXES.some((prefix) => route.startsWith(prefix))
	);
}

/** CONTRACT's 503 overloaded, with Retry-After in whole seconds. */
export function overloaded(
	retryAfterS: number,
	detail = `The server is overloaded; try again in ${retryAfterS} seconds`,
): AppError {
	return new AppError(
		503,
		"overloaded",
		detail,
		{},
		{ "retry-after": String(retryAfterS) },
	);
}

/** How often under-pressure measures the process. */
const SAMPLE_INTERVAL_MS = 1000;

/**
 * Load shedding with @fastify/under-pressure: it samples the event-loop delay and memory every
 * second, and while one is over its limit the shed routes answer 503 overloaded at once, before
 * authentication or any work, so the requests already accepted keep their speed.
 */
const loadShedding: FastifyPluginAsync<{ limits: Config["overload"] }> = async (
	app,
	{ limits },
) => {
	await app.register(underPressure, {
		sampleInterval: SAMPLE_INTERVAL_MS,
		maxEventLoopDelay: limits.maxEventLoopDelayMs,
		maxHeapUsedBytes: limits.maxHeapMb * MB,
		maxRssBytes: limits.maxRssMb * MB,
		retryAfter: limits.retryAfterS,
		// a rejection goes to the error handler, which shapes it like every other error; a request
		// of a route that is not shed, or in the start-up grace below, goes on
		pressureHandler: async (request) => {
			if (isShed(request) && app.overload())
				throw overloaded(limits.retryAfterS);
		},
	});

	// Building the app blocks the event loop for a while (a first sample of 300 ms mean delay on an
	// idle test machine, over 1 s on a busy one). That is start-up, not load: the delay does not
	// count until two sample intervals after ready, when no sample holds any of it.
	let graceEnds = Number.POSITIVE_INFINITY;
	app.addHook("onReady", async () => {
		graceEnds = performance.now() + 2 * SAMPLE_INTERVAL_MS;
	});

	app.decorate("overload", (): Overload | null => {
		const { eventLoopDelay, heapUsed, rssBytes } = app.memoryUsage();
		const delayCounts = performance.now() > graceEnds;
		const checks: [Overload["measure"], number, number, Overload["unit"]][] = [
			[
				"event-loop delay",
				eventLoopDelay,
				delayCounts ? limits.maxEventLoopDelayMs : 0,
				"ms",
			],
			["heap used", heapUsed / MB, limits.maxHeapMb, "MB"],
			["resident memory", rssBytes / MB, limits.maxRssMb, "MB"],
		];
		for (const [measure, value, limit, unit] of checks)
			if (limit > 0 && value > limit)
				return { measure, value: Math.ceil(value), limit, unit };
		return null;
	});
};

export default fp(loadShedding, {
	name: "load-shedding",
	dependencies: ["error-handler"],
});
