import type { HistoryResponse, PublicConfig, Stats } from "@app/contract";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { localAccounts, stubApi } from "@/testing/fake-api";
import { quotaFixture } from "@/testing/fixtures";
import { jsonResponse } from "@/testing/render-with-app";
import { renderApp } from "./testing/render-app";

const emptyHistory: HistoryResponse = { challenges: [], next_cursor: null };
const none = { total: 0, answered: 0, correct: 0 };
const noStats: Stats = {
	...none,
	accuracy: 0,
	by_difficulty: { easy: none, medium: none, hard: none },
	streak_days: 0,
	daily: [],
};

async function signIn() {
	const user = userEvent.setup();
	await user.type(screen.getByLabelText("Email"), "learner@example.com");
	await user.type(screen.getByLabelText("Password"), "correct horse battery");
	await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("the app's routes", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("signs the client out when the API refuses its session (401), and brings the person back to the page and its query after signing in", async () => {
		const server = localAccounts({ signedIn: true });
		let historyCalls = 0;
		stubApi({
			...server.handlers,
			"GET /api/my-history": () =>
				++historyCalls === 1
					? jsonResponse(401, {
							detail: "The session token has expired",
							code: "unauthorized",
						})
					: jsonResponse(200, emptyHistory),
		});
		const { router } = renderApp("/history?difficulty=hard");

		// a client still signed in would be sent straight back to /history, and refused again
		expect(
			await screen.findByRole("button", { name: "Sign in" }),
		).toBeInTheDocument();
		expect(router.state.location.pathname).toBe("/sign-in");
		expect(server.state.signOuts).toBe(1);

		await signIn();
		expect(
			await screen.findByText("No challenges match these filters."),
		).toBeInTheDocument();
		expect(router.state.location.pathname).toBe("/history");
		expect(router.state.location.search).toBe("?difficulty=hard");
	});

	it("sends a signed-out visitor to sign in, and back to the same page and query afterwards", async () => {
		const server = localAccounts({ signedIn: false });
		stubApi({
			...server.handlers,
			"GET /api/my-history": () => jsonResponse(200, emptyHistory),
		});
		const { router } = renderApp("/history?language=python");
		expect(
			await screen.findByRole("button", { name: "Sign in" }),
		).toBeInTheDocument();
		await signIn();
		expect(
			await screen.findByText("No challenges match these filters."),
		).toBeInTheDocument();
		expect(router.state.location.search).toBe("?language=python");
	});

	it.each(["//elsewhere.example/", "https://elsewhere.example/", "history"])(
		"after signing in, goes to practice instead of a return path that is not one of the app's pages (%s)",
		async (from) => {
			const server = localAccounts({ signedIn: false });
			stubApi(server.handlers);
			const { router } = renderApp({ pathname: "/sign-in", state: { from } });
			await screen.findByRole("button", { name: "Sign in" });
			await signIn();
			await waitFor(() => expect(router.state.location.pathname).toBe("/"));
		},
	);
});

describe("document titles", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("gives each page its own title", async () => {
		const server = localAccounts({ signedIn: false });
		stubApi({
			...server.handlers,
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"GET /api/my-history": () => jsonResponse(200, emptyHistory),
			"GET /api/stats": () => jsonResponse(200, noStats),
		});
		const { router } = renderApp("/sign-in");
		await waitFor(() => expect(document.title).toBe("Sign in · Code Trainer"));
		await signIn();
		await waitFor(() => expect(document.title).toBe("Practice · Code Trainer"));
		for (const [path, title] of [
			["/history", "History · Code Trainer"],
			["/progress", "Progress · Code Trainer"],
			["/nowhere", "Page not found · Code Trainer"],
		] as const) {
			await act(() => router.navigate(path));
			await waitFor(() => expect(document.title).toBe(title));
		}
	});
});

describe("Clerk mode without a publishable key", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("tells the operator to set CLERK_PUBLISHABLE_KEY instead of showing local accounts", async () => {
		const fetchMock = stubApi({
			"GET /api/config": () =>
				jsonResponse(200, {
					auth: { provider: "clerk", publishable_key: null },
					generator: "offline",
				} satisfies PublicConfig),
		});
		renderApp("/sign-in");
		expect(
			await screen.findByRole("heading", { name: "Sign-in is not configured" }),
		).toBeInTheDocument();
		expect(screen.getByRole("alert")).toHaveTextContent(
			"set CLERK_PUBLISHABLE_KEY",
		);
		expect(screen.queryByLabelText("Email")).not.toBeInTheDocument();
		expect(fetchMock).toHaveBeenCalledOnce();
	});
});
