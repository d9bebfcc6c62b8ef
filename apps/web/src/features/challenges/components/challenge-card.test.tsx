import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { challengeFixture } from "@/testing/fixtures";
import { ChallengeCard } from "./challenge-card";

/** The card with an answer recorded locally, as the real session records it through the API. */
function Answerable({ onNext = () => undefined }: { onNext?: () => void }) {
	const challenge = challengeFixture();
	const [answer, setAnswer] = useState<{
		answer_id: number;
		correct: boolean;
	} | null>(null);
	return (
		<ChallengeCard
			challenge={challenge}
			answer={answer}
			onAnswer={(answer_id) =>
				setAnswer({
					answer_id,
					correct: answer_id === challenge.correct_answer_id,
				})
			}
			onNext={onNext}
			focusOnShow
			focusFeedback
		/>
	);
}

describe("ChallengeCard", () => {
	it("shows the question, the code and four options in the Answer options group", () => {
		render(<Answerable />);
		expect(
			screen.getByRole("heading", {
				name: "List aliasing: what does this code print?",
			}),
		).toBeInTheDocument();
		expect(
			screen.getByRole("figure", { name: "Python code" }),
		).toHaveTextContent("b.append(3)");
		const group = screen.getByRole("group", { name: "Answer options" });
		expect(within(group).getAllByRole("button")).toHaveLength(4);
		expect(
			screen.getByText("✓ Verified by running the code"),
		).toBeInTheDocument();
	});

	it("says where the code runs, under the code", () => {
		render(
			<ChallengeCard
				challenge={challengeFixture({
					language: "javascript",
					runtime: "Node.js (CommonJS script, sloppy mode)",
					code: "function f() { return this === globalThis; }\nconsole.log(f());\n",
				})}
				answer={null}
			/>,
		);
		expect(
			screen.getByText("Runs in Node.js (CommonJS script, sloppy mode)"),
		).toBeInTheDocument();
	});

	it("names what the challenge asks in a badge", () => {
		render(
			<ChallengeCard
				challenge={challengeFixture({
					kind: "fix-the-bug",
					title: "Accumulating in a loop: which change fixes it?",
					options: ["line 2: a", "line 3: b", "line 4: c", "line 5: d"],
				})}
				answer={null}
			/>,
		);
		expect(screen.getByText("Fix the bug")).toBeInTheDocument();
		expect(screen.queryByText("Output")).not.toBeInTheDocument();
	});

	it("lets the keyboard reach the code, which scrolls sideways, before the options", async () => {
		const user = userEvent.setup();
		render(<Answerable />);
		expect(
			screen.getByRole("heading", {
				name: "List aliasing: what does this code print?",
			}),
		).toHaveFocus();
		await user.tab();
		expect(screen.getByRole("figure", { name: "Python code" })).toHaveFocus();
		await user.tab();
		expect(screen.getByRole("button", { name: /\[1, 2\]$/ })).toHaveFocus();
	});

	it("says Incorrect, marks the right option, explains, and moves focus to the feedback", async () => {
		const user = userEvent.setup();
		render(<Answerable />);
		await user.click(screen.getByRole("button", { name: /\[3, 1, 2\]/ }));
		const feedback = screen.getByRole("heading", { name: "Incorrect" });
		expect(feedback).toHaveFocus();
		expect(
			screen.getByRole("button", { name: /\[1, 2, 3\].*Right answer/ }),
		).toBeDisabled();
		expect(
			screen.getByRole("button", { name: /\[3, 1, 2\].*Your answer/ }),
		).toBeInTheDocument();
		expect(
			screen.getByText(/appending through b changes a/),
		).toBeInTheDocument();
	});

	it("announces the verdict and the explanation through a polite live region that is there before the answer", async () => {
		const user = userEvent.setup();
		const { container } = render(<Answerable />);
		// a live region announces changes to itself: it must exist, empty, before the verdict arrives
		const live = container.querySelector("[aria-live]");
		expect(live).toHaveAttribute("aria-live", "polite");
		expect(live).toBeEmptyDOMElement();
		await user.click(screen.getByRole("button", { name: /\[3, 1, 2\]/ }));
		expect(live).toContainElement(
			screen.getByRole("heading", { name: "Incorrect" }),
		);
		expect(live).toHaveTextContent(/appending through b changes a/);
	});

	it("says Correct for the right option, answered with the keyboard", async () => {
		const user = userEvent.setup();
		render(<Answerable />);
		const options = within(
			screen.getByRole("group", { name: "Answer options" }),
		).getAllByRole("button");
		options[1]?.focus();
		await user.keyboard("{Enter}");
		expect(screen.getByRole("heading", { name: "Correct" })).toHaveFocus();
	});

	it("offers the next challenge once answered", async () => {
		const user = userEvent.setup();
		const onNext = vi.fn();
		render(<Answerable onNext={onNext} />);
		expect(
			screen.queryByRole("button", { name: "Next challenge" }),
		).not.toBeInTheDocument();
		await user.click(screen.getByRole("button", { name: /\[1, 2\]$/ }));
		await user.click(screen.getByRole("button", { name: "Next challenge" }));
		expect(onNext).toHaveBeenCalledOnce();
	});

	it("shows a past challenge read-only with the recorded answer", () => {
		render(
			<ChallengeCard
				challenge={challengeFixture()}
				answer={{ answer_id: 0, correct: false }}
			/>,
		);
		for (const option of within(
			screen.getByRole("group", { name: "Answer options" }),
		).getAllByRole("button")) {
			expect(option).toBeDisabled();
		}
		expect(
			screen.getByRole("heading", { name: "Incorrect" }),
		).not.toHaveFocus();
	});

	it("says when an answer was corrected by running the code, and when nothing could be run", () => {
		const { rerender } = render(
			<ChallengeCard
				challenge={challengeFixture({ verification: "corrected" })}
				answer={null}
			/>,
		);
		expect(
			screen.getByText(/Verified by running the code \(corrected\)/),
		).toBeInTheDocument();
		rerender(
			<ChallengeCard
				challenge={challengeFixture({
					verified: false,
					verification: "not_applicable",
					code: null,
				})}
				answer={null}
			/>,
		);
		expect(screen.getByText("Not verified")).toBeInTheDocument();
		expect(
			screen.queryByRole("figure", { name: /code/ }),
		).not.toBeInTheDocument();
	});

	it("names the challenge's idea next to its kind, and marks a review with the idea it brings back", () => {
		const { rerender } = render(
			<ChallengeCard challenge={challengeFixture()} answer={null} />,
		);
		expect(screen.getByText("Aliasing and copying")).toBeInTheDocument();
		expect(screen.queryByText(/^Review:/)).not.toBeInTheDocument();
		rerender(
			<ChallengeCard
				challenge={challengeFixture({ review_of: "py.aliasing" })}
				answer={null}
			/>,
		);
		expect(
			screen.getByText("Review: Aliasing and copying"),
		).toBeInTheDocument();
		rerender(
			<ChallengeCard
				challenge={challengeFixture({ idea: null })}
				answer={null}
			/>,
		);
		expect(screen.queryByText("Aliasing and copying")).not.toBeInTheDocument();
	});
});
