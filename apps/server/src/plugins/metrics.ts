import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, notFound } from "../errors.js";
import { AppMetrics } from "../metrics/app-metrics.js";

declare module "fastify" {
	interface FastifyInstance {
		/** the server's Prometheus metrics; features count what they do on it */
		metrics: AppMetrics;
	}
}

/** A request that matched no route is counted under this, not its URL: URLs are unbounded, label values must not be. */
const UNMATCHED = "unmatched";

/** Error codes that mean a rate limit refused the request (contract: 429 with Retry-After). */
const RATE_LIMIT_CODES = new Set(["rate_limited", "too_many_in_flight"]);

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the Authorization header holds the token; compared in constant time, as a password would be. */
function holdsToken(header: string | undefined, token: Buffer): boolean {
	const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
	return sent !== undefined && timingSafeEqual(digest(sent), token);
}

const routeOf = (request: FastifyRequest) =>
	request.routeOptions.url ?? UNMATCHED;

/**
 * Counts every request (route pattern, method, status, duration) and every error answer by its
 * code, and serves `GET /metrics` in Prometheus's text format to a caller with
 * `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN nothing is served (404), and
 * the process metrics (event-loop delay, memory) are not even collected.
 */
const metricsPlugin: FastifyPluginAsync<{ token: string | null }> = async (
	app,
	{ token },
) => {
	const metrics = new AppMetrics();
	app.decorate("metrics", metrics);
	app.addHook("onClose", async () => metrics.close());

	app.addHook("onResponse", async (request, reply) => {
		const route = routeOf(request);
		metrics.httpRequests.observe(
			{ method: request.method, route, status_code: reply.statusCode },
			reply.elapsedTime / 1000,
		);
		// the error handler records the code it answered with
		const code = reply.errorCode;
		if (code === null) return;
		metrics.httpErrors.inc({ route, code });
		if (RATE_LIMIT_CODES.has(code))
			metrics.rateLimitRefusals.inc({ route, code });
	});

	const expected = token === null ? null : digest(token);
	if (expected) metrics.collectProcessMetrics();
	app.get(
		"/metrics",
		{
			schema: {
				tags: ["system"],
				summary:
					"Prometheus metrics, with Authorization: Bearer <METRICS_TOKEN>; 404 when METRICS_TOKEN is not set",
			},
		},
		async (request, reply) => {
			if (!expected) throw notFound("Route GET /metrics");
			if (!holdsToken(request.headers.authorization, expected))
				throw new AppError(
					401,
					"unauthorized",
					"Send Authorization: Bearer <METRICS_TOKEN>",
				);
			reply.type(metrics.registry.contentType);
			return metrics.registry.metrics();
		},
	);
};

export default fp(metricsPlugin, {
	name: "metrics",
	dependencies: ["error-handler"],
});
