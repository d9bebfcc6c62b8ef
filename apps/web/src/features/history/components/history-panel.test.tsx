import type { HistoryItem, HistoryResponse } from "@app/contract";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
	jsonResponse,
	renderWithApp,
	stubFetch,
} from "@/testing/render-with-app";
import { HistoryPanel } from "./history-panel";

function item(id: number): HistoryItem {
	const created = new Date(Date.UTC(2025, 10, 25, 9, id)).toISOString();
	return {
		id,
		title: `Challenge ${id}`,
		difficulty: "easy",
		language: "python",
		code: "print(1)",
		options: ["1", "2", "3", "4"],
		correct_answer_id: 0,
		explanation: "Because.",
		verified: true,
		source: "offline",
		verification: "executed",
		kind: "output",
		runtime: "Python 3",
		idea: null,
		review_of: null,
		timestamp: created,
		date_created: created,
		answer: null,
	};
}

/** Answers GET /api/my-history from `pages`, keyed by the `before` cursor ("" for the first page). */
function stubHistory(pages: Record<string, HistoryResponse>) {
	return stubFetch((url) =>
		jsonResponse(
			200,
			pages[url.searchParams.get("before") ?? ""] ?? {
				challenges: [],
				next_cursor: null,
			},
		),
	);
}

const requestedUrls = (fetchMock: ReturnType<typeof stubHistory>) =>
	fetchMock.mock.calls.map(
		([input]) => new URL(String(input), "http://localhost"),
	);

function renderPanel() {
	renderWithApp(
		<HistoryPanel
			renderChallenge={(challenge) => <p>{challenge.explanation}</p>}
		/>,
		{
			path: "/history",
		},
	);
}

describe("HistoryPanel", () => {
	beforeEach(() => {
		vi.unstubAllGlobals();
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it("loads the next page with the previous page's cursor as `before`", async () => {
		const user = userEvent.setup();
		const fetchMock = stubHistory({
			"": { challenges: [item(9), item(8)], next_cursor: 8 },
			"8": { challenges: [item(5)], next_cursor: null },
		});
		renderPanel();
		expect(await screen.findByText("Challenge 9")).toBeInTheDocument();

		await user.click(screen.getByRole("button", { name: "Load more" }));
		expect(await screen.findByText("Challenge 5")).toBeInTheDocument();
		const entries = screen.getAllByRole("listitem");
		expect(entries).toHaveLength(3);
		expect(entries[0]).toHaveTextContent(/^Challenge 9/);
		expect(entries[1]).toHaveTextContent(/^Challenge 8/);
		expect(entries[2]).toHaveTextContent(/^Challenge 5/);
		expect(
			requestedUrls(fetchMock).map((url) => url.searchParams.get("before")),
		).toEqual([null, "8"]);
	});

	it("refetches from the API with a filter, and says when nothing matches", async () => {
		const user = userEvent.setup();
		const fetchMock = stubHistory({
			"": { challenges: [item(9)], next_cursor: null },
		});
		renderPanel();
		await screen.findByText("Challenge 9");

		fetchMock.mockImplementation(
			async () =>
				new Response(JSON.stringify({ challenges: [], next_cursor: null }), {
					status: 200,
				}),
		);
		await user.selectOptions(
			screen.getByRole("combobox", { name: "Result" }),
			"Incorrect",
		);
		expect(
			await screen.findByText("No challenges match these filters."),
		).toBeInTheDocument();
		expect(requestedUrls(fetchMock).at(-1)?.searchParams.get("result")).toBe(
			"incorrect",
		);
	});

	it("shows the API's detail and retries on request", async () => {
		const user = userEvent.setup();
		vi.stubGlobal(
			"fetch",
			vi.fn(
				async () =>
					new Response(
						JSON.stringify({
							detail: "The database is asleep.",
							code: "internal_error",
						}),
						{
							status: 503,
						},
					),
			),
		);
		renderPanel();
		expect(await screen.findByRole("alert")).toHaveTextContent(
			"The database is asleep.",
		);

		stubHistory({ "": { challenges: [], next_cursor: null } });
		await user.click(screen.getByRole("button", { name: "Try again" }));
		expect(await screen.findByText("No challenges yet.")).toBeInTheDocument();
	});
});
