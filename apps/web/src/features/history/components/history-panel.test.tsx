import type { HistoryItem, HistoryResponse } from "@app/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthContext, type AuthState } from "@/lib/auth-context";
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
		timestamp: created,
		date_created: created,
		answer: null,
	};
}

/** Answers GET /api/my-history from `pages`, keyed by the `before` cursor ("" for the first page). */
function stubHistory(pages: Record<string, HistoryResponse>) {
	const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
		const url = new URL(String(input), "http://localhost");
		const page = pages[url.searchParams.get("before") ?? ""];
		return new Response(
			JSON.stringify(page ?? { challenges: [], next_cursor: null }),
			{
				status: 200,
				headers: { "content-type": "application/json" },
			},
		);
	});
	vi.stubGlobal("fetch", fetchMock);
	return fetchMock;
}

const requestedUrls = (fetchMock: ReturnType<typeof stubHistory>) =>
	fetchMock.mock.calls.map(
		([input]) => new URL(String(input), "http://localhost"),
	);

const auth: AuthState = {
	provider: "local",
	isLoaded: true,
	isSignedIn: true,
	getToken: async () => "token",
	AccountControl: () => null,
};

function renderPanel() {
	const queryClient = new QueryClient({
		defaultOptions: { queries: { retry: false } },
	});
	render(
		<QueryClientProvider client={queryClient}>
			<AuthContext.Provider value={auth}>
				<MemoryRouter initialEntries={["/history"]}>
					<HistoryPanel
						renderChallenge={(challenge) => <p>{challenge.explanation}</p>}
					/>
				</MemoryRouter>
			</AuthContext.Provider>
		</QueryClientProvider>,
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
