import type { Stats } from "@app/contract";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { chartSummary } from "./accuracy-chart";
import { formatDay } from "./format";
import { ProgressReport } from "./progress-report";

/** 30 UTC days ending 2025-11-25, with answers on the three days given. */
function daily(answers: Record<string, [answered: number, correct: number]>) {
	const end = Date.UTC(2025, 10, 25);
	return Array.from({ length: 30 }, (_, index) => {
		const date = new Date(end - (29 - index) * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const [answered, correct] = answers[date] ?? [0, 0];
		return { date, answered, correct };
	});
}

const stats: Stats = {
	total: 12,
	answered: 10,
	correct: 7,
	accuracy: 0.7,
	by_difficulty: {
		easy: { total: 6, answered: 6, correct: 5 },
		medium: { total: 4, answered: 4, correct: 2 },
		hard: { total: 2, answered: 0, correct: 0 },
	},
	streak_days: 3,
	daily: daily({
		"2025-11-23": [4, 4],
		"2025-11-24": [2, 0],
		"2025-11-25": [4, 3],
	}),
};

describe("ProgressReport", () => {
	it("shows the totals, the overall accuracy as a percentage and the streak", () => {
		render(<ProgressReport stats={stats} />);
		const totals = screen.getByRole("region", { name: "Totals" });
		expect(totals).toHaveTextContent(/Challenges\s*12/);
		expect(totals).toHaveTextContent(/Answered\s*10/);
		expect(totals).toHaveTextContent(/Correct\s*7/);
		expect(totals).toHaveTextContent(/Accuracy\s*70%/);
		expect(within(totals).getByText("3-day streak")).toBeInTheDocument();
	});

	it("shows accuracy by difficulty, and says when a difficulty has no answers", () => {
		render(<ProgressReport stats={stats} />);
		const rows = within(
			screen.getByRole("region", { name: "Accuracy by difficulty" }),
		).getAllByRole("listitem");
		expect(rows.map((row) => row.textContent)).toEqual([
			"Easy 5 of 6 correct (83%)",
			"Medium 2 of 4 correct (50%)",
			"Hard No answers yet",
		]);
	});

	it("draws the daily accuracy as an image with a summary, and the numbers as a table", () => {
		render(<ProgressReport stats={stats} />);
		const chart = screen.getByRole("region", { name: "Accuracy over time" });
		expect(within(chart).getByRole("img")).toHaveAccessibleName(
			// days are shown in the reader's locale: "Nov 25" in en-US
			`Daily accuracy over the last 30 days: answers on 3 days, 70% correct in all; latest ${formatDay("2025-11-25")}, 75%.`,
		);
		const table = within(chart).getByRole("table", { name: "Answers per day" });
		expect(within(table).getAllByRole("row")).toHaveLength(4);
		expect(
			within(table).getByRole("row", {
				name: `${formatDay("2025-11-24")} 2 0 0%`,
			}),
		).toBeInTheDocument();
	});
});

describe("chartSummary", () => {
	it("says so when no day of the window has answers", () => {
		expect(chartSummary(daily({}))).toBe("No answers in the last 30 days.");
	});
});
