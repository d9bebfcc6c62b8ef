import type { AnswerResponse, HistoryItem } from "@app/contract";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "@/app/testing/render-app";
import { localAccounts, stubApi } from "@/testing/fake-api";
import {
	challengeFixture,
	historyItemFixture,
	misconceptionFixture,
	quotaFixture,
} from "@/testing/fixtures";
import { jsonResponse } from "@/testing/render-with-app";

const options = () =>
	within(screen.getByRole("group", { name: "Answer options" })).getAllByRole(
		"button",
	);

function serve(item: HistoryItem | null) {
	const generated: unknown[] = [];
	const answers: unknown[] = [];
	stubApi({
		...localAccounts({ signedIn: true }).handlers,
		"GET /api/quota": () => jsonResponse(200, quotaFixture()),
		"GET /api/challenges/41": () =>
			item
				? jsonResponse(200, item)
				: jsonResponse(404, {
						detail: "Challenge not found",
						code: "not_found",
					}),
		"POST /api/challenges/41/answer": (_url, body) => {
			answers.push(body);
			return jsonResponse(200, {
				correct: true,
				correct_answer_id: 1,
				explanation: "Aliasing.",
				misconception: null,
			} satisfies AnswerResponse);
		},
		"POST /api/generate-challenge": (_url, body) => {
			generated.push(body);
			return jsonResponse(200, challengeFixture({ id: 60, title: "Next one" }));
		},
	});
	return { generated, answers };
}

describe("the challenge page", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("shows an answered challenge: the code, the recorded answer, the misconception and the explanation", async () => {
		serve(
			historyItemFixture(
				{ difficulty: "hard" },
				{
					answer_id: 0,
					correct: false,
					answered_at: "2026-11-25T10:01:00.000Z",
					misconception: misconceptionFixture(),
				},
			),
		);
		renderApp("/challenges/41");
		expect(
			await screen.findByRole("heading", {
				name: "List aliasing: what does this code print?",
			}),
		).toBeInTheDocument();
		expect(document.title).toBe("Challenge · Code Trainer");
		expect(
			screen.getByRole("figure", { name: "Python code" }),
		).toHaveTextContent("b.append(3)");
		expect(
			screen.getByRole("heading", { name: "Incorrect" }),
		).not.toHaveFocus();
		expect(options()[0]).toHaveTextContent("Your answer");
		for (const option of options()) expect(option).toBeDisabled();
		expect(
			screen.getByText("You may think that assigning a list copies it."),
		).toBeInTheDocument();
		expect(
			screen.getByText(challengeFixture().explanation),
		).toBeInTheDocument();
		// the page does not link to itself
		expect(
			screen.queryByRole("link", {
				name: "Open this challenge on its own page",
			}),
		).not.toBeInTheDocument();
	});

	it("practises the misconception's idea at the challenge's difficulty on the practice page", async () => {
		const { generated } = serve(
			historyItemFixture(
				{ difficulty: "hard" },
				{
					answer_id: 0,
					correct: false,
					answered_at: "2026-11-25T10:01:00.000Z",
					misconception: misconceptionFixture(),
				},
			),
		);
		const { router } = renderApp("/challenges/41");
		await userEvent
			.setup()
			.click(await screen.findByRole("button", { name: "Practise this idea" }));
		expect(
			await screen.findByRole("heading", { name: "Next one" }),
		).toBeInTheDocument();
		expect(router.state.location.pathname).toBe("/");
		expect(generated).toEqual([{ difficulty: "hard", idea: "py.aliasing" }]);
	});

	it("answers a challenge left unanswered, as on the practice page", async () => {
		const { answers } = serve(historyItemFixture());
		renderApp("/challenges/41");
		await screen.findByRole("group", { name: "Answer options" });
		await userEvent.setup().click(options()[1] as HTMLElement);
		expect(
			await screen.findByRole("heading", { name: "Correct" }),
		).toHaveFocus();
		expect(answers).toEqual([{ answer_id: 1 }]);
	});

	it("says so for a challenge that is missing or another learner's (404)", async () => {
		serve(null);
		renderApp("/challenges/41");
		expect(
			await screen.findByText(
				"This challenge does not exist, or it is not one of yours.",
			),
		).toBeInTheDocument();
		expect(
			screen.getByRole("link", { name: "Back to your history" }),
		).toHaveAttribute("href", "/history");
	});

	it("asks nothing for an id that cannot be one", async () => {
		serve(null);
		const fetchMock = vi.mocked(fetch);
		renderApp("/challenges/abc");
		expect(
			await screen.findByText(
				"This challenge does not exist, or it is not one of yours.",
			),
		).toBeInTheDocument();
		expect(
			fetchMock.mock.calls.some(([url]) =>
				String(url).includes("/challenges/"),
			),
		).toBe(false);
	});
});
