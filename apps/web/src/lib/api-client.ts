import type { ErrorBody } from "@app/contract";

/** A non-2xx answer of the API, with the contract's `detail` (for people) and `code` (for code). */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly detail: string,
		readonly body: Record<string, unknown>,
	) {
		super(detail);
		this.name = "ApiError";
	}
}

/** The API could not be reached at all: offline, or the server is down. */
export class NetworkError extends Error {
	constructor() {
		super("The server cannot be reached. Check your connection and try again.");
		this.name = "NetworkError";
	}
}

export interface RequestOptions {
	method?: "GET" | "POST";
	body?: unknown;
	token?: string | null;
	signal?: AbortSignal;
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** The one place that talks HTTP to the API: JSON in, JSON out, every failure a typed error. */
export async function apiRequest<T>(
	path: string,
	options: RequestOptions = {},
): Promise<T> {
	const headers: Record<string, string> = { accept: "application/json" };
	if (options.body !== undefined) headers["content-type"] = "application/json";
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	let response: Response;
	try {
		response = await fetch(path, {
			method: options.method ?? "GET",
			headers,
			body:
				options.body === undefined ? undefined : JSON.stringify(options.body),
			credentials: "same-origin",
			signal: options.signal,
		});
	} catch (error) {
		if (options.signal?.aborted) throw error;
		throw new NetworkError();
	}
	const json = parse(await response.text());
	if (!response.ok) {
		const body = (json ?? {}) as Partial<ErrorBody> & Record<string, unknown>;
		throw new ApiError(
			response.status,
			typeof body.code === "string" ? body.code : "http_error",
			typeof body.detail === "string"
				? body.detail
				: `The request failed (${response.status}).`,
			body,
		);
	}
	return json as T;
}

/** A message a person can act on, for any error a request can end with. */
export function errorMessage(error: unknown): string {
	if (error instanceof ApiError || error instanceof NetworkError)
		return error.message;
	return "Something went wrong. Please try again.";
}
