import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ErrorBody, ErrorCode } from "@app/contract";
import type {
	FastifyError,
	FastifyPluginAsync,
	FastifyReply,
	FastifyRequest,
} from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, noRoute } from "../errors.js";
import { logCompleted } from "./request-log.js";

declare module "fastify" {
	interface FastifyReply {
		/** the code of the error answer sent, null for any other answer; the request log reports it */
		errorCode: ErrorCode | null;
	}
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
	401: "unauthorized",
	404: "not_found",
	408: "request_timeout",
	413: "payload_too_large",
	414: "uri_too_long",
	415: "unsupported_media_type",
	429: "rate_limited",
	431: "header_too_large",
};

const codeFor = (status: number): ErrorCode =>
	CODE_BY_STATUS[status] ??
	(status >= 500 ? "internal_error" : "invalid_request");

/**
 * Fastify's `frameworkErrors`: the errors its router raises before any route, hook or error
 * handler runs (a malformed percent-encoding, a path parameter over `maxParamLength`).
 */
export function frameworkErrors(
	error: FastifyError,
	request: FastifyRequest,
	reply: FastifyReply,
): void {
	const [status, detail] =
		error.code === "FST_ERR_BAD_URL"
			? [400, "The URL is malformed: it has an invalid percent-encoding"]
			: error.code === "FST_ERR_MAX_PARAM_LENGTH"
				? [414, "A path parameter of the URL is too long"]
				: [500, "Something went wrong on our side; please try again"];
	if (status === 500) request.log.error({ err: error }, "framework error");
	const code = codeFor(status);
	reply.errorCode = code;
	reply
		.status(status)
		.header("x-request-id", request.id)
		.send({ detail, code } satisfies ErrorBody);
	// Fastify runs no hooks and reports no completion for these: the request's line is written here
	logCompleted(request, reply);
}

/** What Node's HTTP parser refuses before Fastify sees a request, as the status and a detail. */
function connectionErrorAnswer(code: string | undefined): [number, string] {
	switch (code) {
		case "ERR_HTTP_REQUEST_TIMEOUT":
			return [408, "The request was not received in time"];
		case "HPE_HEADER_OVERFLOW":
			return [431, "The request headers are too large"];
		default:
			return [400, "The request is not valid HTTP"];
	}
}

/**
 * Fastify's `clientErrorHandler`, for the server's 'clientError' event: there is no request or
 * reply yet, so the JSON answer is written on the socket itself, which is then closed.
 */
export function clientErrorHandler(
	error: Error & { code?: string },
	socket: Socket,
): void {
	// a connection reset by the client has nobody left to answer
	if (error.code === "ECONNRESET" || socket.destroyed) return;
	const [status, detail] = connectionErrorAnswer(error.code);
	if (socket.writable) {
		const body = JSON.stringify({
			detail,
			code: codeFor(status),
		} satisfies ErrorBody);
		socket.write(
			`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
				"Content-Type: application/json; charset=utf-8\r\n" +
				`Content-Length: ${Buffer.byteLength(body)}\r\n` +
				"Connection: close\r\n\r\n" +
				body,
		);
	}
	socket.destroy(error);
}

const isJson = (contentType: unknown) =>
	typeof contentType === "string" && /[/+]json\b/i.test(contentType);

interface ErrorAnswer {
	status: number;
	body: ErrorBody;
	headers: Record<string, string>;
}

/** The answer to an error thrown by a hook or a route: its status, {detail, code} body and headers. */
function errorAnswer(
	error: FastifyError | AppError,
	request: FastifyRequest,
): ErrorAnswer {
	if (error instanceof AppError)
		return {
			status: error.status,
			body: { detail: error.message, code: error.code, ...error.extra },
			headers: error.headers,
		};
	if (hasZodFastifySchemaValidationErrors(error)) {
		const detail = error.validation
			.map((issue) => {
				const field = issue.instancePath.split("/").filter(Boolean).join(".");
				return `${[error.validationContext, field].filter(Boolean).join(".")}: ${issue.message}`;
			})
			.join("; ");
		return {
			status: 400,
			body: { detail, code: "invalid_request" },
			headers: {},
		};
	}
	const status = error.statusCode ?? 500;
	if (status >= 400 && status < 500) {
		// Fastify's own client errors (malformed JSON, body too large, bad media type) keep their status
		const detail =
			status === 415
				? "The body must be JSON, sent with Content-Type: application/json"
				: error.message;
		return { status, body: { detail, code: codeFor(status) }, headers: {} };
	}
	request.log.error(
		{ err: error, method: request.method, url: request.url },
		"unhandled error",
	);
	return {
		status: 500,
		body: {
			detail: "Something went wrong on our side; please try again",
			code: "internal_error",
		},
		headers: {},
	};
}

/** The one place that shapes error responses: CONTRACT's {detail, code}, never a stack trace. */
const errorHandler: FastifyPluginAsync = async (app) => {
	app.decorateReply("errorCode", null);

	app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
		const answer = errorAnswer(error, request);
		reply.errorCode = answer.body.code;
		return reply
			.status(answer.status)
			.headers(answer.headers)
			.send(answer.body);
	});

	// a plugin that answers an error with text (@fastify/cors's "Invalid Preflight Request") is
	// answered in the same JSON as everything else
	app.addHook("onSend", async (_request, reply, payload) => {
		if (reply.statusCode < 400 || isJson(reply.getHeader("content-type")))
			return payload;
		const isText = typeof payload === "string" || Buffer.isBuffer(payload);
		if (!isText && payload != null) return payload;
		const message = isText ? String(payload).trim() : "";
		reply.errorCode = codeFor(reply.statusCode);
		reply
			.header("content-type", "application/json; charset=utf-8")
			.removeHeader("content-length");
		return JSON.stringify({
			detail:
				message && message.length <= 200
					? message
					: (STATUS_CODES[reply.statusCode] ?? "Error"),
			code: reply.errorCode,
		} satisfies ErrorBody);
	});

	app.setNotFoundHandler((request) => {
		throw noRoute(request.method, request.url);
	});
};

export default fp(errorHandler, { name: "error-handler" });
