import type { HistoryItem } from "@app/contract";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { HistoryList } from "./history-list";

const now = new Date(2025, 10, 25, 18, 0);

function item(
	id: number,
	title: string,
	answer: HistoryItem["answer"],
): HistoryItem {
	const created = new Date(2025, 10, 25, 9, id).toISOString();
	return {
		id,
		title,
		difficulty: "medium",
		language: "javascript",
		code: "console.log(1)",
		options: ["1", "2", "3", "4"],
		correct_answer_id: 0,
		explanation: `Explanation of ${title}`,
		verified: true,
		source: "offline",
		verification: "executed",
		kind: "output",
		runtime: "Node.js (CommonJS script)",
		idea: null,
		review_of: null,
		timestamp: created,
		date_created: created,
		answer,
	};
}

const items = [
	item(3, "Closures: what does this code print?", {
		answer_id: 0,
		correct: true,
		answered_at: now.toISOString(),
		misconception: null,
	}),
	item(2, "Slicing: what does this code print?", {
		answer_id: 2,
		correct: false,
		answered_at: now.toISOString(),
		misconception: null,
	}),
	item(1, "Sorting: what does this code print?", null),
];

function renderList(props: Partial<Parameters<typeof HistoryList>[0]> = {}) {
	const onLoadMore = vi.fn();
	render(
		<HistoryList
			items={items}
			renderChallenge={(challenge) => <p>{challenge.explanation}</p>}
			hasMore
			loadingMore={false}
			onLoadMore={onLoadMore}
			now={now}
			{...props}
		/>,
	);
	return { onLoadMore };
}

describe("HistoryList", () => {
	it("lists the titles in the order given, newest first, each with its result", () => {
		renderList();
		const entries = screen.getAllByRole("listitem");
		expect(entries).toHaveLength(3);
		const [closures, slicing, sorting] = entries.map((entry) =>
			within(entry).getByRole("button"),
		);
		expect(closures).toHaveAccessibleName(/^Closures.*Today, .*Correct$/);
		expect(slicing).toHaveAccessibleName(/^Slicing.*Incorrect$/);
		expect(sorting).toHaveAccessibleName(/^Sorting.*Not answered$/);
		expect(closures).toHaveAccessibleName(/medium JavaScript/);
	});

	it("opens an entry to the full challenge and closes it again", async () => {
		const user = userEvent.setup();
		renderList();
		const toggle = screen.getByRole("button", { name: /^Slicing/ });
		expect(toggle).toHaveAttribute("aria-expanded", "false");
		expect(
			screen.queryByText("Explanation of Slicing: what does this code print?"),
		).toBeNull();

		await user.click(toggle);
		expect(toggle).toHaveAttribute("aria-expanded", "true");
		expect(
			screen.getByText("Explanation of Slicing: what does this code print?"),
		).toBeVisible();

		await user.click(toggle);
		expect(toggle).toHaveAttribute("aria-expanded", "false");
		expect(
			screen.queryByText("Explanation of Slicing: what does this code print?"),
		).toBeNull();
	});

	it("asks for the next page with Load more, and moves focus to the first new entry", async () => {
		const user = userEvent.setup();
		const onLoadMore = vi.fn();
		const { rerender } = render(
			<HistoryList
				items={items.slice(0, 2)}
				renderChallenge={() => null}
				hasMore
				loadingMore={false}
				onLoadMore={onLoadMore}
				now={now}
			/>,
		);
		await user.click(screen.getByRole("button", { name: "Load more" }));
		expect(onLoadMore).toHaveBeenCalledOnce();

		rerender(
			<HistoryList
				items={items}
				renderChallenge={() => null}
				hasMore={false}
				loadingMore={false}
				onLoadMore={onLoadMore}
				now={now}
			/>,
		);
		expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
		expect(screen.getByRole("button", { name: /^Sorting/ })).toHaveFocus();
	});

	it("shows a failed next page as an error with a retry", async () => {
		const user = userEvent.setup();
		const { onLoadMore } = renderList({
			loadMoreError: new Error("boom"),
		});
		expect(screen.getByRole("alert")).toBeInTheDocument();
		expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
		await user.click(screen.getByRole("button", { name: "Try again" }));
		expect(onLoadMore).toHaveBeenCalledOnce();
	});
});
