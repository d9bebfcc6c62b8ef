import { describe, expect, it } from "vitest";
import { streakDays } from "./stats.repo.js";

const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
const now = new Date("2026-07-20T09:00:00Z");

describe("streakDays", () => {
	it("counts consecutive days ending today", () => {
		expect(
			streakDays(
				[
					day("2026-07-20"),
					day("2026-07-19"),
					day("2026-07-18"),
					day("2026-07-15"),
				],
				now,
			),
		).toBe(3);
	});

	it("counts a streak that ended yesterday", () => {
		expect(streakDays([day("2026-07-19"), day("2026-07-18")], now)).toBe(2);
	});

	it("is 0 when the last answer is older than yesterday, or there is none", () => {
		expect(streakDays([day("2026-07-18"), day("2026-07-17")], now)).toBe(0);
		expect(streakDays([], now)).toBe(0);
	});
});
