import type { ErrorBody, ErrorCode } from "@app/contract";
import type { FastifyError, FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors.js";

const CODE_BY_STATUS: Record<number, ErrorCode> = {
	401: "unauthorized",
	404: "not_found",
	413: "payload_too_large",
	415: "unsupported_media_type",
	429: "rate_limited",
};

/** The one place that shapes error responses: CONTRACT's {detail, code}, never a stack trace. */
const errorHandler: FastifyPluginAsync = async (app) => {
	app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
		if (error instanceof AppError) {
			const body: ErrorBody = {
				detail: error.message,
				code: error.code,
				...error.extra,
			};
			return reply.status(error.status).headers(error.headers).send(body);
		}
		if (hasZodFastifySchemaValidationErrors(error)) {
			const detail = error.validation
				.map((issue) => {
					const field = issue.instancePath.split("/").filter(Boolean).join(".");
					return `${[error.validationContext, field].filter(Boolean).join(".")}: ${issue.message}`;
				})
				.join("; ");
			return reply
				.status(400)
				.send({ detail, code: "invalid_request" } satisfies ErrorBody);
		}
		const status = error.statusCode ?? 500;
		if (status >= 400 && status < 500) {
			// Fastify's own client errors (malformed JSON, body too large, bad media type) keep their status
			const body: ErrorBody = {
				detail:
					status === 415
						? "The body must be JSON, sent with Content-Type: application/json"
						: error.message,
				code: CODE_BY_STATUS[status] ?? "invalid_request",
			};
			return reply.status(status).send(body);
		}
		request.log.error(
			{ err: error, method: request.method, url: request.url },
			"unhandled error",
		);
		return reply.status(500).send({
			detail: "Something went wrong on our side; please try again",
			code: "internal_error",
		} satisfies ErrorBody);
	});

	app.setNotFoundHandler((request, reply) => {
		// a page URL of the web app is not an unknown route: the client router handles it
		if (app.hasDecorator("serveWebApp") && app.serveWebApp(request, reply))
			return reply;
		return reply.status(404).send({
			detail: `No route ${request.method} ${request.url.split("?")[0]}`,
			code: "not_found",
		} satisfies ErrorBody);
	});
};

export default fp(errorHandler, { name: "error-handler" });
