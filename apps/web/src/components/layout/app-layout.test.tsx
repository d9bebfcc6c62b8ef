import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "@/testing/render-with-app";
import { AppLayout } from "./app-layout";

describe("AppLayout", () => {
	afterEach(() => vi.restoreAllMocks());

	it("has the Generate and History links and the account control", () => {
		renderWithApp(<AppLayout />);
		expect(screen.getByRole("link", { name: "Generate" })).toHaveAttribute(
			"href",
			"/",
		);
		expect(screen.getByRole("link", { name: "History" })).toHaveAttribute(
			"href",
			"/history",
		);
	});

	it("tells the person when the browser goes offline, and stops when it is back", () => {
		const online = vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
		renderWithApp(<AppLayout />);
		expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
		online.mockReturnValue(false);
		act(() => {
			window.dispatchEvent(new Event("offline"));
		});
		expect(screen.getByText(/You are offline/)).toBeInTheDocument();
		online.mockReturnValue(true);
		act(() => {
			window.dispatchEvent(new Event("online"));
		});
		expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
	});
});
