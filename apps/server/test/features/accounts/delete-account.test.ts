import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authUsers } from "../../../src/db/auth-schema.js";
import { answers, challenges, quotas } from "../../../src/db/schema.js";
import { SIGN_IN_BACKOFF } from "../../../src/features/accounts/sign-in-throttle.js";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	bearer,
	localApp,
	newEmail,
	PASSWORD,
	signIn,
	signUp,
	tokenFor,
} from "../../helpers/local-accounts.js";
import { answer, generate } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

const deleteAccount = (t: TestApp, cookie: string, payload: unknown) =>
	t.app.inject({
		method: "DELETE",
		url: "/api/auth/account",
		headers: { cookie, origin: "http://localhost:8000" },
		payload: payload as object,
	});

describe.each(ENGINES)("DELETE /api/auth/account on %s", (engine) => {
	const context = useTestContext(engine);
	const db = () => context.db.db;

	/** How many rows the user owns in each of our tables and better-auth's. */
	const owned = async (userId: string) => {
		const tables = {
			challenges: [challenges, challenges.userId],
			answers: [answers, answers.userId],
			quotas: [quotas, quotas.userId],
			accounts: [authUsers, authUsers.id],
		} as const;
		const counts: Record<string, number | undefined> = {};
		for (const [name, [table, column]] of Object.entries(tables)) {
			const [row] = await db()
				.select({ n: count() })
				.from(table)
				.where(eq(column, userId));
			counts[name] = row?.n;
		}
		return counts;
	};

	it("deletes a local account and everything it owns once the password is given again", async () => {
		const t = await localApp(context);
		const email = newEmail();
		const { cookie, userId } = await signUp(t, email);
		const token = (await tokenFor(t, cookie)).json().token;
		const made = (
			await generate(t, bearer(token), { difficulty: "easy" })
		).json();
		await answer(t, bearer(token), made.id, { answer_id: 0 });
		expect(await owned(userId)).toEqual({
			challenges: 1,
			answers: 1,
			quotas: 1,
			accounts: 1,
		});

		const wrong = await deleteAccount(t, cookie, {
			password: "not my password",
		});
		expect(wrong.statusCode).toBe(401);
		expect(wrong.json().code).toBe("invalid_credentials");
		const missing = await deleteAccount(t, cookie, {});
		expect(missing.statusCode).toBe(400);
		expect(missing.json().code).toBe("invalid_request");
		const signedOut = await deleteAccount(t, "", { password: PASSWORD });
		expect(signedOut.statusCode).toBe(401);
		expect(await owned(userId)).toEqual({
			challenges: 1,
			answers: 1,
			quotas: 1,
			accounts: 1,
		});

		const deleted = await deleteAccount(t, cookie, { password: PASSWORD });
		expect(deleted.statusCode).toBe(200);
		expect(deleted.json()).toEqual({ status: "deleted" });
		expect(await owned(userId)).toEqual({
			challenges: 0,
			answers: 0,
			quotas: 0,
			accounts: 0,
		});
		// the session is gone and the email is free again
		expect((await tokenFor(t, cookie)).statusCode).toBe(401);
		expect((await signIn(t, email, PASSWORD)).statusCode).toBe(401);
		const again = await signUp(t, email);
		expect(again.userId).not.toBe(userId);
	});

	it("counts each password tried as a sign-in attempt, so guessing through it is throttled like signing in", async () => {
		let now = new Date("2026-05-01T10:00:00Z");
		const t = await localApp(context, { now: () => now });
		const { cookie, userId } = await signUp(t, newEmail());
		for (let i = 0; i < SIGN_IN_BACKOFF.free; i++)
			expect(
				(await deleteAccount(t, cookie, { password: `guess ${i}` })).statusCode,
			).toBe(401);
		const refused = await deleteAccount(t, cookie, { password: PASSWORD });
		expect(refused.statusCode).toBe(429);
		expect(refused.json().code).toBe("rate_limited");
		expect(refused.headers["retry-after"]).toBeDefined();
		expect((await owned(userId)).accounts).toBe(1);

		now = new Date(now.getTime() + SIGN_IN_BACKOFF.firstDelayMs + 1000);
		const deleted = await deleteAccount(t, cookie, { password: PASSWORD });
		expect(deleted.statusCode).toBe(200);
		expect((await owned(userId)).accounts).toBe(0);
	});

	it("does not exist with Clerk accounts, which are deleted through Clerk", async () => {
		const t = await buildTestApp(context);
		const headers = await t.auth(newUserId());
		const response = await t.app.inject({
			method: "DELETE",
			url: "/api/auth/account",
			headers,
			payload: { password: PASSWORD },
		});
		expect(response.statusCode).toBe(404);
		expect(response.json().code).toBe("not_found");
	});
});
