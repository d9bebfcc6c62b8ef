import { describe, expect, it } from "vitest";
import {
	AnswerRequestSchema,
	GenerateChallengeRequestSchema,
	HistoryQuerySchema,
} from "./challenge.js";

describe("GenerateChallengeRequestSchema", () => {
	it("parses the original client's body: a capitalised difficulty, and no language (the server serves Python, or the idea's language)", () => {
		expect(
			GenerateChallengeRequestSchema.parse({ difficulty: "Hard" }),
		).toEqual({ difficulty: "hard" });
	});

	it("takes an idea id, and refuses anything that cannot be one", () => {
		expect(
			GenerateChallengeRequestSchema.parse({
				difficulty: "easy",
				idea: "py.aliasing",
			}).idea,
		).toBe("py.aliasing");
		for (const idea of [
			"",
			"Py.Aliasing",
			"py..x",
			"py aliasing",
			"x".repeat(81),
		])
			expect(
				GenerateChallengeRequestSchema.safeParse({ difficulty: "easy", idea })
					.success,
			).toBe(false);
	});

	it("reads a blank topic as no topic", () => {
		for (const topic of ["", "   "])
			expect(
				GenerateChallengeRequestSchema.parse({ difficulty: "easy", topic })
					.topic,
			).toBeUndefined();
	});

	it("accepts a language and a topic of up to 80 characters, trimmed", () => {
		expect(
			GenerateChallengeRequestSchema.parse({
				difficulty: "easy",
				language: "JavaScript",
				topic: "  closures ",
			}),
		).toEqual({
			difficulty: "easy",
			language: "javascript",
			topic: "closures",
		});
		expect(
			GenerateChallengeRequestSchema.safeParse({
				difficulty: "easy",
				topic: "x".repeat(81),
			}).success,
		).toBe(false);
	});

	it("refuses an unknown difficulty or language", () => {
		expect(
			GenerateChallengeRequestSchema.safeParse({ difficulty: "extreme" })
				.success,
		).toBe(false);
		expect(
			GenerateChallengeRequestSchema.safeParse({
				difficulty: "easy",
				language: "ruby",
			}).success,
		).toBe(false);
	});
});

describe("HistoryQuerySchema", () => {
	it("defaults the limit to 20 and caps it at 100", () => {
		expect(HistoryQuerySchema.parse({})).toEqual({ limit: 20 });
		expect(HistoryQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
		expect(HistoryQuerySchema.parse({ limit: "5", before: "42" })).toEqual({
			limit: 5,
			before: 42,
		});
	});
});

describe("AnswerRequestSchema", () => {
	it("accepts option indexes 0 to 3 only", () => {
		expect(AnswerRequestSchema.safeParse({ answer_id: 3 }).success).toBe(true);
		for (const answer_id of [4, -1, 1.5, "1"])
			expect(AnswerRequestSchema.safeParse({ answer_id }).success).toBe(false);
	});
});
