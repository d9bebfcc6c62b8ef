import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
	jsonResponse,
	renderWithApp,
	stubFetch,
} from "@/testing/render-with-app";
import { HistoryExport } from "./history-export";

/** What the browser was handed to save: the <a download> clicked, and the blob behind its URL. */
function captureSaves() {
	const saved: { filename: string; blob: Blob }[] = [];
	const blobs = new Map<string, Blob>();
	// jsdom has no object URLs: these stand in for the browser's
	Object.assign(URL, {
		createObjectURL: (blob: Blob) => {
			const url = `blob:test/${blobs.size}`;
			blobs.set(url, blob);
			return url;
		},
		revokeObjectURL: () => undefined,
	});
	vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
		this: HTMLAnchorElement,
	) {
		const blob = blobs.get(this.getAttribute("href") ?? "");
		if (blob) saved.push({ filename: this.download, blob });
	});
	return saved;
}

describe("HistoryExport", () => {
	beforeEach(() => vi.restoreAllMocks());
	afterEach(() => vi.unstubAllGlobals());

	it("downloads the export with the token and saves it under the server's file name", async () => {
		const saved = captureSaves();
		const fetchMock = stubFetch(
			() =>
				new Response("id,title\n41,List aliasing\n", {
					status: 200,
					headers: {
						"content-type": "text/csv",
						"content-disposition":
							'attachment; filename="code-trainer-history.csv"',
					},
				}),
		);
		renderWithApp(<HistoryExport />);
		await userEvent
			.setup()
			.click(screen.getByRole("button", { name: "Export CSV" }));
		await waitFor(() => expect(saved).toHaveLength(1));
		expect(saved[0]?.filename).toBe("code-trainer-history.csv");
		expect(await saved[0]?.blob.text()).toBe("id,title\n41,List aliasing\n");
		const [url, init] = fetchMock.mock.calls[0] ?? [];
		expect(String(url)).toBe("/api/my-history/export?format=csv");
		expect(init?.headers).toMatchObject({ authorization: "Bearer token" });
	});

	it("names a JSON export itself when the server gives no file name", async () => {
		const saved = captureSaves();
		stubFetch(() => jsonResponse(200, { challenges: [] }));
		renderWithApp(<HistoryExport />);
		await userEvent
			.setup()
			.click(screen.getByRole("button", { name: "Export JSON" }));
		await waitFor(() => expect(saved).toHaveLength(1));
		expect(saved[0]?.filename).toBe("code-trainer-history.json");
	});

	it("shows the API's reason when the export fails", async () => {
		const saved = captureSaves();
		stubFetch(() =>
			jsonResponse(503, {
				detail: "The database is unavailable",
				code: "database_unavailable",
			}),
		);
		renderWithApp(<HistoryExport />);
		await userEvent
			.setup()
			.click(screen.getByRole("button", { name: "Export JSON" }));
		expect(await screen.findByRole("alert")).toHaveTextContent(
			"The database is unavailable",
		);
		expect(saved).toEqual([]);
	});
});
