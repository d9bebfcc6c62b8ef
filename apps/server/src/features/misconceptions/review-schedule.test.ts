import { describe, expect, it } from "vitest";
import { dueAt, ideaToReview, type OpenIdea } from "./review-schedule.js";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const open = (
	idea: string,
	wrong: number,
	reviews: number[] = [],
): OpenIdea => ({
	idea,
	lastWrongAt: day(wrong),
	reviewsSince: reviews.map(day),
});

describe("review schedule", () => {
	it("is due 1 day after the wrong answer, then 3 and 7 days after each review, then every 7", () => {
		expect(dueAt(open("py.a", 0))).toEqual(day(1));
		expect(dueAt(open("py.a", 0, [1]))).toEqual(day(4));
		expect(dueAt(open("py.a", 0, [1, 4]))).toEqual(day(11));
		expect(dueAt(open("py.a", 0, [1, 4, 11]))).toEqual(day(18));
	});

	it("reviews the idea due longest ago, and nothing before it is due", () => {
		const ideas = [open("py.b", 2), open("py.a", 1), open("py.c", 0, [1])];
		expect(ideaToReview(ideas, [], day(1.5))).toBeNull();
		expect(ideaToReview(ideas, [], day(2))).toBe("py.a");
		expect(ideaToReview(ideas, [], day(5))).toBe("py.a");
		// py.b is due on day 3; py.c, reviewed on day 1, on day 4
		expect(
			ideaToReview([open("py.c", 0, [1]), open("py.b", 2)], [], day(5)),
		).toBe("py.b");
		expect(
			ideaToReview([open("py.c", 0, [1]), open("py.b", 2)], [], day(2)),
		).toBeNull();
	});

	it("serves at most one review in three challenges", () => {
		const ideas = [open("py.a", 0)];
		expect(ideaToReview(ideas, ["py.a", null], day(9))).toBeNull();
		expect(ideaToReview(ideas, [null, "py.a"], day(9))).toBeNull();
		expect(ideaToReview(ideas, [null, null, "py.a"], day(9))).toBe("py.a");
		expect(ideaToReview(ideas, [null], day(9))).toBe("py.a");
	});
});
