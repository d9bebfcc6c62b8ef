import type { HistoryResponse } from "@app/contract";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "@/app/testing/render-app";
import { localAccounts, stubApi } from "@/testing/fake-api";
import { historyItemFixture } from "@/testing/fixtures";
import { jsonResponse } from "@/testing/render-with-app";

describe("the history page", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("offers the export in both formats, and links each opened entry to its own page", async () => {
		stubApi({
			...localAccounts({ signedIn: true }).handlers,
			"GET /api/my-history": () =>
				jsonResponse(200, {
					challenges: [historyItemFixture()],
					next_cursor: null,
				} satisfies HistoryResponse),
		});
		renderApp("/history");
		expect(
			await screen.findByRole("button", { name: "Export JSON" }),
		).toBeInTheDocument();
		expect(
			screen.getByRole("button", { name: "Export CSV" }),
		).toBeInTheDocument();
		await userEvent
			.setup()
			.click(await screen.findByRole("button", { name: /^List aliasing/ }));
		expect(
			screen.getByRole("link", { name: "Open this challenge on its own page" }),
		).toHaveAttribute("href", "/challenges/41");
	});
});
