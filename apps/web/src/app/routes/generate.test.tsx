import type {
	AnswerResponse,
	Challenge,
	ErrorBody,
	Quota,
} from "@app/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "@/testing/fake-api";
import {
	challengeFixture,
	misconceptionFixture,
	quotaFixture,
} from "@/testing/fixtures";
import { jsonResponse, renderWithApp } from "@/testing/render-with-app";
import { GeneratePage } from "./generate";

const generateButton = () =>
	screen.getByRole("button", { name: "Generate challenge" });

const quotaRefusal = {
	detail: "You have no challenges left. Your quota refills at 08:00 UTC.",
	code: "quota_exhausted",
	next_reset_at: "2026-11-26T08:00:00.000Z",
} satisfies ErrorBody & { next_reset_at: string };

/** Waits for the quota line (CONTRACT: text containing "remaining") to read `text`. */
const quotaReads = (text: string) =>
	waitFor(() => expect(screen.getByText(/remaining/)).toHaveTextContent(text));

/** Answers GET /api/quota with each of `quotas` in turn, then keeps answering the last. */
function quotaSequence(...quotas: Quota[]) {
	let call = 0;
	return () => jsonResponse(200, quotas[Math.min(call++, quotas.length - 1)]);
}

describe("the practice page", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("generates a challenge with the chosen settings and shows it", async () => {
		const requests: unknown[] = [];
		stubApi({
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"POST /api/generate-challenge": (_url, body) => {
				requests.push(body);
				return jsonResponse(200, challengeFixture() satisfies Challenge);
			},
		});
		renderWithApp(<GeneratePage />);
		await userEvent.setup().click(generateButton());
		const title = await screen.findByRole("heading", {
			name: "List aliasing: what does this code print?",
		});
		expect(title).toHaveFocus();
		expect(
			within(
				screen.getByRole("group", { name: "Answer options" }),
			).getAllByRole("button"),
		).toHaveLength(4);
		expect(requests).toEqual([{ difficulty: "easy", language: "python" }]);
	});

	it("sends one request for a double click", async () => {
		let respond: (response: Response) => void = () => undefined;
		const fetchMock = stubApi({
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"POST /api/generate-challenge": () =>
				new Promise<Response>((resolve) => {
					respond = resolve;
				}),
		});
		renderWithApp(<GeneratePage />);
		await screen.findByText(/remaining/);
		await userEvent.setup().dblClick(generateButton());
		respond(jsonResponse(200, challengeFixture()));
		expect(
			await screen.findByRole("group", { name: "Answer options" }),
		).toBeInTheDocument();
		const posts = fetchMock.mock.calls.filter(
			([url]) => String(url) === "/api/generate-challenge",
		);
		expect(posts).toHaveLength(1);
	});

	it("shows the exhausted state when the server refuses for quota (429)", async () => {
		stubApi({
			// the page still showed one left: another tab used it
			"GET /api/quota": quotaSequence(
				quotaFixture({ quota_remaining: 1 }),
				quotaFixture({ quota_remaining: 0 }),
			),
			"POST /api/generate-challenge": () => jsonResponse(429, quotaRefusal),
		});
		renderWithApp(<GeneratePage />);
		await quotaReads("1 challenge remaining");
		await userEvent.setup().click(generateButton());
		expect(await screen.findByRole("alert")).toHaveTextContent(
			"You have no challenges left.",
		);
		expect(generateButton()).toBeDisabled();
		expect(
			screen.getByText("No challenges left until your quota refills."),
		).toBeInTheDocument();
		expect(await screen.findByText(/Refills in/)).toBeInTheDocument();
	});

	it("enables Generate challenge again once the quota has refilled after a 429", async () => {
		stubApi({
			"GET /api/quota": quotaSequence(
				quotaFixture({ quota_remaining: 1 }),
				// the refill time has come: the countdown asks for the quota again
				quotaFixture({
					quota_remaining: 0,
					next_reset_at: new Date(Date.now() - 1000).toISOString(),
				}),
				quotaFixture({ quota_remaining: 10 }),
			),
			"POST /api/generate-challenge": () => jsonResponse(429, quotaRefusal),
		});
		renderWithApp(<GeneratePage />);
		await quotaReads("1 challenge remaining");
		await userEvent.setup().click(generateButton());
		await quotaReads("10 challenges remaining");
		await waitFor(() => expect(generateButton()).toBeEnabled());
		expect(screen.queryByRole("alert")).not.toBeInTheDocument();
	});

	it("offers the next challenge with the same settings once one is answered", async () => {
		const requests: unknown[] = [];
		stubApi({
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"POST /api/generate-challenge": (_url, body) => {
				requests.push(body);
				return jsonResponse(
					200,
					requests.length === 1
						? challengeFixture()
						: challengeFixture({ id: 42, title: "Closures: what is logged?" }),
				);
			},
			"POST /api/challenges/41/answer": () =>
				jsonResponse(200, {
					correct: true,
					correct_answer_id: 1,
					explanation: "Aliasing.",
					misconception: null,
				} satisfies AnswerResponse),
		});
		const user = userEvent.setup();
		renderWithApp(<GeneratePage />);
		await user.selectOptions(
			screen.getByRole("combobox", { name: "Difficulty" }),
			"Hard",
		);
		await user.click(generateButton());
		const options = await screen.findByRole("group", {
			name: "Answer options",
		});
		await user.click(within(options).getAllByRole("button")[1] as HTMLElement);
		await user.click(
			await screen.findByRole("button", { name: "Next challenge" }),
		);
		expect(
			await screen.findByRole("heading", { name: "Closures: what is logged?" }),
		).toHaveFocus();
		expect(
			screen.queryByRole("heading", { name: "Correct" }),
		).not.toBeInTheDocument();
		expect(requests).toEqual([
			{ difficulty: "hard", language: "python" },
			{ difficulty: "hard", language: "python" },
		]);
	});

	it("after a wrong answer, names the misconception it suggests and practises its idea at this difficulty", async () => {
		const requests: unknown[] = [];
		stubApi({
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"POST /api/generate-challenge": (_url, body) => {
				requests.push(body);
				return jsonResponse(
					200,
					requests.length === 1
						? challengeFixture({ difficulty: "medium", idea: null })
						: challengeFixture({
								id: 42,
								title: "Copies: what does this code print?",
								review_of: null,
							}),
				);
			},
			"POST /api/challenges/41/answer": () =>
				jsonResponse(200, {
					correct: false,
					correct_answer_id: 1,
					explanation: "b = a makes b another name for the same list.",
					misconception: misconceptionFixture(),
				} satisfies AnswerResponse),
		});
		const user = userEvent.setup();
		renderWithApp(<GeneratePage />);
		await user.click(generateButton());
		const options = await screen.findByRole("group", {
			name: "Answer options",
		});
		await user.click(within(options).getAllByRole("button")[0] as HTMLElement);
		expect(
			await screen.findByRole("heading", { name: "Incorrect" }),
		).toHaveFocus();
		const statement = screen.getByText(/^You may think that/);
		expect(statement).toHaveTextContent(
			"You may think that assigning a list copies it.",
		);
		// the belief comes before the explanation that corrects it
		expect(
			statement.compareDocumentPosition(
				screen.getByText(challengeFixture().explanation),
			) & Node.DOCUMENT_POSITION_FOLLOWING,
		).toBeTruthy();
		expect(
			screen.getByRole("link", { name: "Open this challenge on its own page" }),
		).toHaveAttribute("href", "/challenges/41");

		await user.click(
			screen.getByRole("button", { name: "Practise this idea" }),
		);
		expect(
			await screen.findByRole("heading", {
				name: "Copies: what does this code print?",
			}),
		).toHaveFocus();
		expect(
			within(screen.getByRole("article")).getByText("Aliasing and copying"),
		).toBeInTheDocument();
		expect(screen.getByText(/^Practising one idea:/)).toHaveTextContent(
			"Practising one idea: Aliasing and copying.",
		);
		expect(requests).toEqual([
			{ difficulty: "easy", language: "python" },
			{ difficulty: "medium", idea: "py.aliasing" },
		]);
	});

	it("shows no misconception for a wrong answer whose option has no known belief", async () => {
		stubApi({
			"GET /api/quota": () => jsonResponse(200, quotaFixture()),
			"POST /api/generate-challenge": () =>
				jsonResponse(200, challengeFixture()),
			"POST /api/challenges/41/answer": () =>
				jsonResponse(200, {
					correct: false,
					correct_answer_id: 1,
					explanation: "Aliasing.",
					misconception: null,
				} satisfies AnswerResponse),
		});
		const user = userEvent.setup();
		renderWithApp(<GeneratePage />);
		await user.click(generateButton());
		const options = await screen.findByRole("group", {
			name: "Answer options",
		});
		await user.click(within(options).getAllByRole("button")[3] as HTMLElement);
		await screen.findByRole("heading", { name: "Incorrect" });
		expect(screen.queryByText(/You may think that/)).not.toBeInTheDocument();
		expect(
			screen.queryByRole("button", { name: "Practise this idea" }),
		).not.toBeInTheDocument();
	});
});
