import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import proxyAddr from "@fastify/proxy-addr";
import {
	type FastifyPluginAsync,
	type FastifyReply,
	type FastifyRequest,
	type FastifyServerOptions,
	LogController,
} from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";

/**
 * What is taken from a proxy's X-Request-Id: the UUIDs, hex strings and trace ids load balancers
 * write (AWS's `Root=1-…`), nothing that could break a log line or flood it.
 */
const REQUEST_ID = /^[\w.:=+/@-]{1,128}$/;

/** Whether the connection's peer is a proxy TRUST_PROXY names, as Fastify's own trust decides it. */
function peerTrust(
	trust: Config["trustProxy"],
): (address: string | undefined) => boolean {
	if (trust === false) return () => false;
	if (typeof trust === "number") return () => trust > 0;
	const trusted = proxyAddr.compile(trust);
	return (address) => address !== undefined && trusted(address, 0);
}

/**
 * Fastify's genReqId: the X-Request-Id a trusted proxy sent, so that its logs and ours name the
 * request alike, or a new UUID. A client connecting directly cannot choose its id: it could
 * otherwise pose as another request in the logs.
 */
export function requestIdFor(trust: Config["trustProxy"]) {
	const trustsPeer = peerTrust(trust);
	return (raw: IncomingMessage): string => {
		const sent = raw.headers["x-request-id"];
		return typeof sent === "string" &&
			REQUEST_ID.test(sent) &&
			trustsPeer(raw.socket.remoteAddress)
			? sent
			: randomUUID();
	};
}

/** An unmatched URL's path is logged, cut to this, and never its query string. */
const MAX_LOGGED_PATH = 200;

/**
 * The one line a request leaves when it completes: the route pattern (never the URL with its ids
 * and query string), the status, the duration and the outcome (`ok`, or the error code
 * answered). Headers and bodies are never logged, so neither tokens, cookies, nor code. The
 * request's logger carries reqId, and userId once auth has verified the caller.
 */
export function logCompleted(
	request: FastifyRequest,
	reply: FastifyReply,
	error?: Error | null,
): void {
	const status = reply.statusCode;
	const route = request.routeOptions.url;
	const durationMs = Math.round(reply.elapsedTime * 10) / 10;
	const line = {
		method: request.method,
		route: route ?? null,
		...(route === undefined && {
			path: (request.url.split("?")[0] ?? "").slice(0, MAX_LOGGED_PATH),
		}),
		status,
		...(Number.isFinite(durationMs) && { durationMs }),
		outcome: reply.errorCode ?? (status >= 400 ? "error" : "ok"),
		...(error && { err: error }),
	};
	if (error || status >= 500) request.log.warn(line, "request completed");
	else request.log.info(line, "request completed");
}

/** Fastify's request logging, replaced: one line per request when it completes, instead of two. */
export class RequestLogController extends LogController {
	override incomingRequest(request: FastifyRequest): void {
		request.log.debug(
			{ method: request.method, route: request.routeOptions.url ?? null },
			"incoming request",
		);
	}

	override requestCompleted(
		error: Error | null | undefined,
		request: FastifyRequest,
		reply: FastifyReply,
	): void {
		logCompleted(request, reply, error);
	}
}

/** Fastify's options for request ids and request logs. */
export function requestLogOptions(
	config: Config,
): Pick<FastifyServerOptions, "genReqId" | "logController"> {
	return {
		genReqId: requestIdFor(config.trustProxy),
		logController: new RequestLogController(),
	};
}

/** Echoes the request id, so a client or a proxy can quote it and an operator find its lines. */
const requestLog: FastifyPluginAsync = async (app) => {
	app.addHook("onRequest", (request, reply, done) => {
		reply.header("x-request-id", request.id);
		done();
	});
};

export default fp(requestLog, {
	name: "request-log",
	dependencies: ["error-handler"],
});
