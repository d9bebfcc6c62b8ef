import type { ChallengeContent } from "@app/contract";
import { describe, expect, it } from "vitest";
import { insertChallenge } from "../../../src/features/challenges/challenges.repo.js";
import { SeenVariants } from "../../../src/features/challenges/seen-variants.js";
import { newUserId, useTestContext } from "../../helpers/build-test-app.js";
import { ENGINES } from "../../helpers/test-db.js";

const content = (language: "python" | "javascript"): ChallengeContent => ({
	difficulty: "easy",
	language,
	kind: "output",
	runtime: language === "python" ? "Python 3" : "Node.js (CommonJS script)",
	title: "What does this print?",
	code: "print(1)\n",
	options: ["1", "2", "3", "4"],
	correct_answer_id: 0,
	explanation: "It prints 1.",
	verified: true,
	source: "offline",
	verification: "executed",
});

describe.each(ENGINES)("what each user was served, on %s", (engine) => {
	const context = useTestContext(engine);
	const easyPython = { difficulty: "easy", language: "python" } as const;

	/** Stores a challenge as any server process would, behind the cache's back. */
	const stored = (userId: string, variantKey: string, language = "python") =>
		insertChallenge(context.db.db, {
			userId,
			content: content(language as "python"),
			topic: null,
			variantKey,
			diagnosis: null,
			reviewOf: null,
			createdAt: new Date(),
		});

	it("reads a user's keys once, then every key stored since, by this process or another", async () => {
		const userId = newUserId();
		await stored(userId, "family-a:1");
		await stored(userId, "family-a:2");
		await stored(userId, "family-b:1", "javascript");
		const seen = new SeenVariants(2);
		const first = await seen.of(context.db.db, userId, easyPython);
		expect([...first.seen].sort()).toEqual(["family-a:1", "family-a:2"]);
		expect(first.recent).toEqual(["family-a:2", "family-a:1"]);

		await stored(userId, "family-c:1");
		const second = await seen.of(context.db.db, userId, easyPython);
		expect([...second.seen].sort()).toEqual([
			"family-a:1",
			"family-a:2",
			"family-c:1",
		]);
		// newest first, at most the window
		expect(second.recent).toEqual(["family-c:1", "family-a:2"]);
		// another user's are not theirs
		expect(
			(await seen.of(context.db.db, newUserId(), easyPython)).seen.size,
		).toBe(0);
	});

	it("forgets the least recently used cell past its size, and reads it whole again when asked", async () => {
		const [a, b] = [newUserId(), newUserId()];
		await stored(a, "family-a:1");
		await stored(b, "family-b:1");
		const seen = new SeenVariants(5, 1);
		await seen.of(context.db.db, a, easyPython);
		await seen.of(context.db.db, b, easyPython); // a is forgotten
		await stored(a, "family-a:2");
		const again = await seen.of(context.db.db, a, easyPython);
		expect([...again.seen].sort()).toEqual(["family-a:1", "family-a:2"]);
	});
});
