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
	method?: "GET" | "POST" | "DELETE";
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

/** Sends the request; an unreachable server becomes a NetworkError. */
async function send(path: string, options: RequestOptions, accept: string) {
	const headers: Record<string, string> = { accept };
	if (options.body !== undefined) headers["content-type"] = "application/json";
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	try {
		return await fetch(path, {
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
}

function toApiError(status: number, json: unknown): ApiError {
	const body = (json ?? {}) as Partial<ErrorBody> & Record<string, unknown>;
	return new ApiError(
		status,
		typeof body.code === "string" ? body.code : "http_error",
		typeof body.detail === "string"
			? body.detail
			: `The request failed (${status}).`,
		body,
	);
}

/** The one place that talks HTTP to the API: JSON in, JSON out, every failure a typed error. */
export async function apiRequest<T>(
	path: string,
	options: RequestOptions = {},
): Promise<T> {
	const response = await send(path, options, "application/json");
	const json = parse(await response.text());
	if (!response.ok) throw toApiError(response.status, json);
	return json as T;
}

/** A file the API sends as an attachment, with the name its Content-Disposition gives. */
export interface Download {
	blob: Blob;
	filename: string | null;
}

/** Downloads an attachment (an export); a failure is the same typed error as for JSON. */
export async function apiDownload(
	path: string,
	options: RequestOptions = {},
): Promise<Download> {
	const response = await send(path, options, "*/*");
	if (!response.ok)
		throw toApiError(response.status, parse(await response.text()));
	const disposition = response.headers.get("content-disposition") ?? "";
	const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
	return { blob: await response.blob(), filename };
}

/** A message a person can act on, for any error a request can end with. */
export function errorMessage(error: unknown): string {
	if (error instanceof ApiError || error instanceof NetworkError)
		return error.message;
	return "Something went wrong. Please try again.";
}
