import type { Challenge, MisconceptionsResponse, Stats } from "@app/contract";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "@/app/testing/render-app";
import { localAccounts, stubApi } from "@/testing/fake-api";
import {
	challengeFixture,
	learnerMisconceptionFixture,
	quotaFixture,
} from "@/testing/fixtures";
import { jsonResponse } from "@/testing/render-with-app";

const none = { total: 0, answered: 0, correct: 0 };
const stats: Stats = {
	total: 3,
	answered: 3,
	correct: 1,
	accuracy: 1 / 3,
	by_difficulty: { easy: { ...none }, medium: { ...none }, hard: { ...none } },
	streak_days: 1,
	daily: [],
};

const nothing: MisconceptionsResponse = {
	misconceptions: [],
	next_offset: null,
	ideas: [],
};

const some: MisconceptionsResponse = {
	misconceptions: [
		learnerMisconceptionFixture({
			id: "py.floor-division.rounds",
			idea: "py.floor-division",
			idea_name: "Floor division",
			statement: "You may think that // rounds to the nearest integer.",
			times: 1,
		}),
		learnerMisconceptionFixture({ times: 3 }),
		learnerMisconceptionFixture({
			id: "py.truthiness.empty-true",
			idea: "py.truthiness",
			idea_name: "Truthiness",
			statement: "You may think that an empty list is true.",
			status: "resolved",
		}),
	],
	next_offset: null,
	ideas: [
		{
			idea: "py.aliasing",
			idea_name: "Aliasing and copying",
			answered: 4,
			correct: 1,
		},
		{
			idea: "py.floor-division",
			idea_name: "Floor division",
			answered: 2,
			correct: 1,
		},
	],
};

/** Serves the page with these misconceptions, or with one page of them per offset asked for. */
function serve(
	misconceptions:
		| MisconceptionsResponse
		| Record<number, MisconceptionsResponse>,
) {
	const generated: unknown[] = [];
	stubApi({
		...localAccounts({ signedIn: true }).handlers,
		"GET /api/stats": () => jsonResponse(200, stats),
		"GET /api/quota": () => jsonResponse(200, quotaFixture()),
		"GET /api/misconceptions": (url) =>
			jsonResponse(
				200,
				"ideas" in misconceptions
					? misconceptions
					: misconceptions[Number(url.searchParams.get("offset"))],
			),
		"POST /api/generate-challenge": (_url, body) => {
			generated.push(body);
			return jsonResponse(
				200,
				challengeFixture({ id: 50 }) satisfies Challenge,
			);
		},
	});
	return { generated };
}

const section = (name: string) => screen.findByRole("region", { name });

describe("the progress page's ideas", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("lists the open misconceptions newest first, with how often and a Practise button each", async () => {
		serve(some);
		renderApp("/progress");
		const revisit = await section("Ideas to revisit");
		const items = within(
			revisit.querySelector("ul") as HTMLElement,
		).getAllByRole("listitem");
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent(
			"You may think that // rounds to the nearest integer.",
		);
		expect(items[0]).toHaveTextContent("Floor division · once, last");
		expect(items[1]).toHaveTextContent(
			"You may think that assigning a list copies it.",
		);
		expect(items[1]).toHaveTextContent("3 times");
		const practise = within(revisit).getAllByRole("button", {
			name: "Practise this idea",
		});
		expect(practise).toHaveLength(2);
		expect(practise[1]).toHaveAccessibleDescription(
			"You may think that assigning a list copies it.",
		);
	});

	it("folds the resolved misconceptions away under Resolved", async () => {
		serve(some);
		renderApp("/progress");
		const revisit = await section("Ideas to revisit");
		const resolved = within(revisit).getByText("Resolved (1)");
		expect(
			within(revisit).getByText("You may think that an empty list is true."),
		).not.toBeVisible();
		await userEvent.setup().click(resolved);
		expect(
			within(revisit).getByText("You may think that an empty list is true."),
		).toBeVisible();
	});

	it("shows older misconceptions a page at a time, on request", async () => {
		const [newer, , older] = some.misconceptions;
		if (!newer || !older)
			throw new Error("the fixture has three misconceptions");
		serve({
			0: { ...some, misconceptions: [newer], next_offset: 1 },
			1: { ...some, misconceptions: [older], next_offset: null },
		});
		renderApp("/progress");
		const revisit = await section("Ideas to revisit");
		expect(revisit).toHaveTextContent(newer.statement);
		expect(revisit).not.toHaveTextContent(older.statement);
		await userEvent.setup().click(
			within(revisit).getByRole("button", {
				name: "Show older misconceptions",
			}),
		);
		expect(await within(revisit).findByText("Resolved (1)")).toBeVisible();
		expect(
			within(revisit).queryByRole("button", {
				name: "Show older misconceptions",
			}),
		).not.toBeInTheDocument();
	});

	it("shows accuracy by idea as a table", async () => {
		serve(some);
		renderApp("/progress");
		const table = within(await section("Accuracy by idea")).getByRole("table", {
			name: "Accuracy by idea",
		});
		expect(
			within(table)
				.getAllByRole("row")
				.map((row) => row.textContent),
		).toEqual([
			"IdeaAnsweredCorrectAccuracy",
			"Aliasing and copying4125%",
			"Floor division2150%",
		]);
	});

	it("says what will appear in each section before there is anything", async () => {
		serve(nothing);
		renderApp("/progress");
		expect(await section("Ideas to revisit")).toHaveTextContent(
			"When a wrong answer suggests a misconception, it appears here",
		);
		const ideas = await section("Accuracy by idea");
		expect(ideas).toHaveTextContent(
			"Each idea you answer challenges on appears here",
		);
		expect(within(ideas).queryByRole("table")).not.toBeInTheDocument();
	});

	it("practises an idea on the practice page, at the difficulty chosen there", async () => {
		localStorage.setItem(
			"trainer.generate",
			JSON.stringify({ difficulty: "hard", language: "javascript" }),
		);
		const { generated } = serve(some);
		const { router } = renderApp("/progress");
		const revisit = await section("Ideas to revisit");
		await userEvent.setup().click(
			within(revisit).getAllByRole("button", {
				name: "Practise this idea",
			})[1] as HTMLElement,
		);
		expect(
			await screen.findByRole("heading", {
				name: "List aliasing: what does this code print?",
			}),
		).toHaveFocus();
		expect(router.state.location.pathname).toBe("/");
		expect(generated).toEqual([{ difficulty: "hard", idea: "py.aliasing" }]);
		// the request is not kept in the history entry: a reload does not spend another unit
		expect(router.state.location.state).toBeNull();
	});
});
