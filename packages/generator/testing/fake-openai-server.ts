import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** The part of a chat completion request the fake reads. */
export interface ChatRequest {
	model: string;
	messages: { role: string; content: string }[];
	response_format?: {
		type: string;
		json_schema?: { name: string; schema: unknown };
	};
}

/** How the fake answers one request. */
export interface FakeReply {
	status?: number;
	/** JSON body; ignored when `raw` is set */
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	delayMs?: number;
}

export type Responder = FakeReply | ((request: ChatRequest) => FakeReply);

export interface FakeOpenAi {
	/** base URL to give the SDK (ends in /v1) */
	url: string;
	/** every chat request received, in order */
	requests: ChatRequest[];
	/** queues replies for the next requests; when the queue is empty the fallback answers */
	reply(...responders: Responder[]): void;
	/** forgets queued replies and recorded requests */
	reset(): void;
	close(): Promise<void>;
}

/** A 200 chat completion whose message content is `content` (objects are sent as JSON text). */
export function completion(content: unknown): FakeReply {
	return {
		body: {
			id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
			object: "chat.completion",
			created: Math.floor(Date.now() / 1000),
			model: "fake-model",
			choices: [
				{
					index: 0,
					message: {
						role: "assistant",
						content:
							typeof content === "string" ? content : JSON.stringify(content),
					},
					finish_reason: "stop",
				},
			],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		},
	};
}

/** An OpenAI-style error reply. */
export function failure(
	status: number,
	message = "fake failure",
	headers: Record<string, string> = {},
): FakeReply {
	return {
		status,
		headers,
		body: { error: { message, type: "server_error", code: null } },
	};
}

async function readJson(request: IncomingMessage): Promise<ChatRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString()) as ChatRequest;
}

/**
 * Starts an OpenAI-compatible HTTP server on a free loopback port: POST /v1/chat/completions
 * answers with the queued replies, then with `fallback`.
 */
export async function startFakeOpenAi(
	fallback: Responder = failure(500, "no reply queued"),
): Promise<FakeOpenAi> {
	const queue: Responder[] = [];
	const requests: ChatRequest[] = [];
	const pending = new Set<ServerResponse>();
	const server = createServer(async (request, response) => {
		if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
			response.writeHead(404).end();
			return;
		}
		const body = await readJson(request);
		requests.push(body);
		const responder = queue.shift() ?? fallback;
		const reply = typeof responder === "function" ? responder(body) : responder;
		pending.add(response);
		response.on("close", () => pending.delete(response));
		if (reply.delayMs)
			await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
		if (response.destroyed) return;
		response.writeHead(reply.status ?? 200, {
			"content-type": "application/json",
			...reply.headers,
		});
		response.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		reply: (...responders) => {
			queue.push(...responders);
		},
		reset: () => {
			queue.length = 0;
			requests.length = 0;
		},
		close: async () => {
			for (const response of pending) response.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
