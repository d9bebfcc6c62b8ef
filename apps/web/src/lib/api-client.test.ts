import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubFetch } from "@/testing/render-with-app";
import {
	ApiError,
	apiDownload,
	apiRequest,
	errorMessage,
	NetworkError,
} from "./api-client";

describe("apiRequest", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("sends JSON with the bearer token and returns the parsed answer", async () => {
		const fetchMock = stubFetch(() => jsonResponse(200, { id: 7 }));
		expect(
			await apiRequest("/api/thing", {
				method: "POST",
				body: { a: 1 },
				token: "tok",
			}),
		).toEqual({ id: 7 });
		const [, init] = fetchMock.mock.calls[0] ?? [];
		expect(init).toMatchObject({ method: "POST", body: '{"a":1}' });
		expect(init?.headers).toMatchObject({
			authorization: "Bearer tok",
			"content-type": "application/json",
		});
	});

	it("turns an error answer into an ApiError with the API's detail and code", async () => {
		stubFetch(() =>
			jsonResponse(429, {
				detail: "No challenges left",
				code: "quota_exhausted",
				next_reset_at: "x",
			}),
		);
		const error = await apiRequest("/api/generate-challenge").catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({
			status: 429,
			code: "quota_exhausted",
			detail: "No challenges left",
		});
		expect((error as ApiError).body.next_reset_at).toBe("x");
		expect(errorMessage(error)).toBe("No challenges left");
	});

	it("still explains an error whose body is not the API's", async () => {
		stubFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
		const error = await apiRequest("/api/quota").catch((e: unknown) => e);
		expect(error).toMatchObject({
			status: 502,
			code: "http_error",
			detail: "The request failed (502).",
		});
	});

	it("reports an unreachable server as a NetworkError a person can act on", async () => {
		stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
		const error = await apiRequest("/api/quota").catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NetworkError);
		expect(errorMessage(error)).toMatch(/cannot be reached/);
	});
});

describe("apiDownload", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("returns the attachment and the file name its Content-Disposition gives", async () => {
		const fetchMock = stubFetch(
			() =>
				new Response("id,title\n", {
					status: 200,
					headers: {
						"content-disposition":
							'attachment; filename="challenge-history-2026-12-05.csv"',
					},
				}),
		);
		const download = await apiDownload("/api/my-history/export?format=csv", {
			token: "tok",
		});
		expect(download.filename).toBe("challenge-history-2026-12-05.csv");
		expect(await download.blob.text()).toBe("id,title\n");
		expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({
			authorization: "Bearer tok",
		});
	});

	it("turns an error answer into the same ApiError as apiRequest", async () => {
		stubFetch(() =>
			jsonResponse(401, { detail: "Expired", code: "unauthorized" }),
		);
		const error = await apiDownload("/api/my-history/export").catch(
			(e: unknown) => e,
		);
		expect(error).toMatchObject({ status: 401, code: "unauthorized" });
	});
});
