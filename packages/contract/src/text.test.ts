import { describe, expect, it } from "vitest";
import { SignInRequestSchema, SignUpRequestSchema } from "./accounts.js";
import { GenerateChallengeRequestSchema } from "./challenge.js";
import { isCleanText, textField, UserIdSchema } from "./text.js";
import { ClerkWebhookEventSchema } from "./webhooks.js";

const REFUSED = [
	["NUL", "a\u0000b"],
	["a C0 control", "a\u001bb"],
	["DEL", "a\u007fb"],
	["a C1 control", "a\u0085b"],
	["a line separator", "a\u2028b"],
	["a lone high surrogate", "a\ud83db"],
	["a lone low surrogate", "a\ude00b"],
	["a high surrogate at the end", "abc\ud83d"],
] as const;

describe("isCleanText", () => {
	it.each(REFUSED)("refuses %s", (_, value) => {
		expect(isCleanText(value)).toBe(false);
		expect(isCleanText(value, true)).toBe(value.includes("\u2028"));
	});

	it("accepts any well-formed text without control characters: accents, emoji, CJK, right-to-left", () => {
		for (const value of [
			"",
			"closures",
			"é ß Ω",
			"😀👍🏽",
			"閉包",
			"שלום",
			"\u00a0",
		])
			expect(isCleanText(value)).toBe(true);
	});

	it("accepts tab and line breaks only in multiline text", () => {
		for (const value of ["a\tb", "a\nb", "a\r\nb"]) {
			expect(isCleanText(value)).toBe(false);
			expect(isCleanText(value, true)).toBe(true);
		}
	});
});

describe("textField", () => {
	it("refuses a value longer than max, with a message saying so", () => {
		const result = textField({ max: 3 }).safeParse("abcd");
		expect(result.error?.issues[0]?.message).toBe(
			"must be at most 3 characters",
		);
	});

	it("judges the value before a chained trim, so a control character at the edge is refused too", () => {
		const schema = textField({ max: 10 }).trim();
		expect(schema.parse("  ok ")).toBe("ok");
		expect(schema.safeParse("ok\n").success).toBe(false);
		expect(schema.safeParse("\u0000ok").success).toBe(false);
	});
});

describe("request schemas", () => {
	it.each(REFUSED)("refuse %s in every text field", (_, bad) => {
		expect(
			GenerateChallengeRequestSchema.safeParse({
				difficulty: "easy",
				topic: bad,
			}).error?.issues[0]?.path,
		).toEqual(["topic"]);
		for (const schema of [SignUpRequestSchema, SignInRequestSchema]) {
			expect(
				schema.safeParse({
					email: `a${bad}@example.com`,
					password: "long enough",
				}).error?.issues[0]?.path,
			).toEqual(["email"]);
			expect(
				schema.safeParse({
					email: "a@example.com",
					password: `long ${bad} enough`,
				}).error?.issues[0]?.path,
			).toEqual(["password"]);
		}
		expect(
			ClerkWebhookEventSchema.safeParse({
				type: "user.created",
				data: { id: bad },
			}).success,
		).toBe(false);
		expect(UserIdSchema.safeParse(bad).success).toBe(false);
	});

	it("accept a unicode password and topic as sent", () => {
		expect(
			SignUpRequestSchema.parse({
				email: "ada@example.com",
				password: "pässwörd 😀",
			}).password,
		).toBe("pässwörd 😀");
		expect(
			GenerateChallengeRequestSchema.parse({
				difficulty: "easy",
				topic: "闭包 😀",
			}).topic,
		).toBe("闭包 😀");
	});

	it("refuse a user id that is empty or longer than any real one", () => {
		expect(UserIdSchema.safeParse("").success).toBe(false);
		expect(UserIdSchema.safeParse("u".repeat(256)).success).toBe(false);
		expect(UserIdSchema.parse("user_2abcDEF")).toBe("user_2abcDEF");
	});
});
