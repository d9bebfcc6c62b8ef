import { describe, expect, it } from "vitest";
import { formatWhen } from "./format-when";

const now = new Date(2025, 10, 25, 0, 10);
const at = (...parts: [number, number, number, number, number]) =>
	new Date(...parts).toISOString();

describe("formatWhen", () => {
	it("names today and yesterday by calendar day, not by 24-hour span", () => {
		expect(formatWhen(at(2025, 10, 25, 0, 5), now, "en-GB")).toBe(
			"Today, 00:05",
		);
		expect(formatWhen(at(2025, 10, 24, 23, 50), now, "en-GB")).toBe(
			"Yesterday, 23:50",
		);
	});

	it("shows month and day this year, and the year for older dates", () => {
		expect(formatWhen(at(2025, 10, 3, 14, 5), now, "en-US")).toMatch(
			/^Nov 3, .*\d\d:05/,
		);
		expect(formatWhen(at(2024, 10, 3, 14, 5), now, "en-US")).toMatch(
			/^Nov 3, 2024, /,
		);
	});
});
