import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "@/testing/fake-api";
import {
	challengeFixture,
	historyItemFixture,
	misconceptionFixture,
} from "@/testing/fixtures";
import {
	jsonResponse,
	renderWithApp,
	stubFetch,
} from "@/testing/render-with-app";
import { ChallengeSession } from "./challenge-session";

const options = () =>
	within(screen.getByRole("group", { name: "Answer options" })).getAllByRole(
		"button",
	);

describe("ChallengeSession", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("records the answer through the API and shows the verdict", async () => {
		const fetchMock = stubFetch(() =>
			jsonResponse(200, {
				correct: true,
				correct_answer_id: 1,
				explanation: "Aliasing.",
				misconception: null,
			}),
		);
		renderWithApp(<ChallengeSession challenge={challengeFixture()} />);
		await userEvent.setup().click(options()[1] as HTMLElement);
		expect(
			await screen.findByRole("heading", { name: "Correct" }),
		).toBeInTheDocument();
		const [url, init] = fetchMock.mock.calls[0] ?? [];
		expect(String(url)).toBe("/api/challenges/41/answer");
		expect(init?.body).toBe('{"answer_id":1}');
	});

	it("shows the answer recorded first when the challenge was already answered elsewhere (409)", async () => {
		stubFetch(() =>
			jsonResponse(409, {
				detail: "Already answered",
				code: "already_answered",
				answer_id: 2,
			}),
		);
		renderWithApp(<ChallengeSession challenge={challengeFixture()} />);
		await userEvent.setup().click(options()[1] as HTMLElement);
		expect(
			await screen.findByRole("heading", { name: "Incorrect" }),
		).toBeInTheDocument();
		expect(options()[2]).toHaveTextContent("Your answer");
		expect(screen.queryByRole("alert")).not.toBeInTheDocument();
	});

	it("shows a recorded answer without offering another", () => {
		const fetchMock = stubFetch(() => jsonResponse(200, {}));
		renderWithApp(
			<ChallengeSession
				challenge={challengeFixture()}
				recorded={{ answer_id: 1, correct: true }}
			/>,
		);
		expect(
			screen.getByRole("heading", { name: "Correct" }),
		).toBeInTheDocument();
		for (const option of options()) expect(option).toBeDisabled();
		expect(fetchMock).not.toHaveBeenCalled();
	});

	it("leaves the focus where it is when a challenge opens with its recorded answer", () => {
		stubFetch(() => jsonResponse(200, {}));
		renderWithApp(
			<ChallengeSession
				challenge={challengeFixture()}
				recorded={{ answer_id: 0, correct: false }}
			/>,
		);
		expect(
			screen.getByRole("heading", { name: "Incorrect" }),
		).not.toHaveFocus();
	});

	it("shows the belief behind the first answer when the challenge was answered wrongly elsewhere (409)", async () => {
		stubApi({
			"POST /api/challenges/41/answer": () =>
				jsonResponse(409, {
					detail: "Already answered",
					code: "already_answered",
					answer_id: 0,
				}),
			"GET /api/challenges/41": () =>
				jsonResponse(
					200,
					historyItemFixture(
						{},
						{
							answer_id: 0,
							correct: false,
							answered_at: "2026-11-25T10:01:00.000Z",
							misconception: misconceptionFixture(),
						},
					),
				),
		});
		renderWithApp(<ChallengeSession challenge={challengeFixture()} />);
		await userEvent.setup().click(options()[1] as HTMLElement);
		expect(
			await screen.findByText("You may think that assigning a list copies it."),
		).toBeInTheDocument();
		expect(options()[0]).toHaveTextContent("Your answer");
	});
});
