import { connect } from "node:net";
import { ErrorBodySchema } from "@app/contract";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, REQUEST_TIMEOUT_MS } from "../../src/app.js";
import { newUserId, useTestContext } from "../helpers/build-test-app.js";
import { useSharedApp } from "../helpers/shared-app.js";

interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/**
 * Sends bytes as they are on a fresh connection and reads the answer until the server closes it:
 * some of these requests cannot be built with inject or fetch, and some are refused by Node's
 * parser before Fastify sees them. `then` writes more once the first part is sent.
 */
function rawRequest(
	port: number,
	request: string,
	then?: (write: (more: string) => void) => void,
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, "127.0.0.1");
		const chunks: Buffer[] = [];
		socket.on("data", (chunk) => chunks.push(chunk));
		socket.on("error", (error) =>
			// the server may reset the connection once it has answered and closed it
			chunks.length ? undefined : reject(error),
		);
		socket.on("close", () => {
			const text = Buffer.concat(chunks).toString("utf8");
			const [head = "", ...rest] = text.split("\r\n\r\n");
			const [statusLine = "", ...headerLines] = head.split("\r\n");
			resolve({
				status: Number(statusLine.split(" ")[1]),
				headers: Object.fromEntries(
					headerLines.map((line) => {
						const at = line.indexOf(":");
						return [
							line.slice(0, at).trim().toLowerCase(),
							line.slice(at + 1).trim(),
						];
					}),
				),
				body: rest.join("\r\n\r\n"),
			});
		});
		socket.write(request, () => then?.((more) => socket.write(more)));
	});
}

const get = (path: string, headers = "") =>
	`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;

/** The contract's error envelope, as JSON, with the status and code given. */
function expectEnvelope(response: RawResponse, status: number, code: string) {
	expect(response.status).toBe(status);
	expect(response.headers["content-type"]).toMatch(/^application\/json/);
	const body = ErrorBodySchema.parse(JSON.parse(response.body));
	expect(body.code).toBe(code);
	expect(body.detail.length).toBeGreaterThan(0);
	expect(response.body).not.toMatch(/statusCode|FST_|at .*\.js/);
}

describe("error envelope over a real socket", () => {
	const context = useTestContext("pglite");
	const shared = useSharedApp(context);
	let port = 0;
	let authorization = "";
	let configuredTimeout = 0;

	beforeAll(async () => {
		const app: FastifyInstance = shared.t.app;
		configuredTimeout = app.server.requestTimeout;
		// a short timeout, checked often, so the 408s below come in well under a second
		app.server.requestTimeout = 300;
		app.server.headersTimeout = 300;
		Object.assign(app.server, { connectionsCheckingInterval: 50 });
		const address = await app.listen({ port: 0, host: "127.0.0.1" });
		port = Number(new URL(address).port);
		authorization = (await shared.t.auth(newUserId())).authorization;
	});

	it("answers 400 invalid_request to a malformed percent-encoding in the path (FST_ERR_BAD_URL)", async () => {
		expectEnvelope(
			await rawRequest(port, get("/api/%zz")),
			400,
			"invalid_request",
		);
		expectEnvelope(
			await rawRequest(port, get("/api/challenges/%E0%A4%A/answer")),
			400,
			"invalid_request",
		);
	});

	it("answers 414 uri_too_long to a path parameter longer than Fastify's maxParamLength", async () => {
		const response = await rawRequest(
			port,
			`POST /api/challenges/${"1".repeat(500)}/answer HTTP/1.1\r\nHost: localhost\r\n` +
				`Authorization: ${authorization}\r\nContent-Type: application/json\r\n` +
				"Content-Length: 15\r\nConnection: close\r\n\r\n" +
				'{"answer_id":1}',
		);
		expectEnvelope(response, 414, "uri_too_long");
	});

	it("answers 431 header_too_large to headers over Node's limit, before Fastify sees the request", async () => {
		const response = await rawRequest(
			port,
			get("/api/health", `X-Padding: ${"a".repeat(20_000)}\r\n`),
		);
		expectEnvelope(response, 431, "header_too_large");
	});

	it("answers 400 invalid_request to bytes that are not HTTP", async () => {
		expectEnvelope(
			await rawRequest(port, "HELLO\r\n\r\n"),
			400,
			"invalid_request",
		);
		expectEnvelope(
			await rawRequest(
				port,
				"GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n",
			),
			400,
			"invalid_request",
		);
	});

	it("answers 400 invalid_request to OPTIONS * and to a preflight without Origin", async () => {
		expectEnvelope(
			await rawRequest(
				port,
				"OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
			),
			400,
			"invalid_request",
		);
		expectEnvelope(
			await rawRequest(
				port,
				"OPTIONS /api/generate-challenge HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
			),
			400,
			"invalid_request",
		);
	});

	it("still answers a real preflight with 204 and the CORS headers", async () => {
		const response = await rawRequest(
			port,
			"OPTIONS /api/generate-challenge HTTP/1.1\r\nHost: localhost\r\n" +
				"Origin: http://localhost:5173\r\nAccess-Control-Request-Method: POST\r\n" +
				"Connection: close\r\n\r\n",
		);
		expect(response.status).toBe(204);
		expect(response.headers["access-control-allow-origin"]).toBe(
			"http://localhost:5173",
		);
	});

	it("answers 413 payload_too_large to a body over the limit", async () => {
		const body = JSON.stringify({
			difficulty: "easy",
			topic: "x".repeat(BODY_LIMIT_BYTES),
		});
		const response = await rawRequest(
			port,
			`POST /api/generate-challenge HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n` +
				`Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
		);
		expectEnvelope(response, 413, "payload_too_large");
	});

	it("answers 415 unsupported_media_type to a body that is not JSON, and 400 to malformed JSON", async () => {
		const post = (contentType: string, body: string) =>
			rawRequest(
				port,
				`POST /api/generate-challenge HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n` +
					`Content-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
			);
		expectEnvelope(
			await post("application/x-www-form-urlencoded", "difficulty=easy"),
			415,
			"unsupported_media_type",
		);
		expectEnvelope(
			await post("application/json", '{"difficulty": "easy"'),
			400,
			"invalid_request",
		);
		expectEnvelope(
			await post("application/json", '{"__proto__": {"x": 1}}'),
			400,
			"invalid_request",
		);
	});

	it("answers 404 not_found to an unknown route and an unknown method", async () => {
		expectEnvelope(await rawRequest(port, get("/api/nope")), 404, "not_found");
		expectEnvelope(
			await rawRequest(
				port,
				"DELETE /api/quota HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
			),
			404,
			"not_found",
		);
	});

	it("answers 408 request_timeout to a request whose body never finishes arriving", async () => {
		const response = await rawRequest(
			port,
			`POST /api/generate-challenge HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n` +
				"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
			(write) => write('{"difficulty":'),
		);
		expectEnvelope(response, 408, "request_timeout");
	});

	it("answers 408 request_timeout to headers that never finish arriving", async () => {
		const response = await rawRequest(
			port,
			"GET /api/health HTTP/1.1\r\nHost: localhost\r\n",
		);
		expectEnvelope(response, 408, "request_timeout");
	});

	it("gives the app itself REQUEST_TIMEOUT_MS to receive a request", () => {
		expect(configuredTimeout).toBe(REQUEST_TIMEOUT_MS);
	});
});
