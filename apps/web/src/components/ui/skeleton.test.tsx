import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FullPageLoading } from "../layout/full-page";
import { Skeleton } from "./skeleton";

describe("loading placeholders", () => {
	it("announce their label as text, which is what a status region reads out", () => {
		render(<Skeleton label="Loading your history" />);
		expect(
			screen.getByRole("status", { name: "Loading your history" }),
		).toHaveTextContent("Loading your history");
	});

	it("stay silent when decorative", () => {
		render(<Skeleton label={null} />);
		expect(screen.queryByRole("status")).not.toBeInTheDocument();
	});

	it("include the full-page loader, which says Loading…", () => {
		render(<FullPageLoading />);
		expect(screen.getByRole("status", { name: "Loading" })).toHaveTextContent(
			"Loading…",
		);
	});
});
