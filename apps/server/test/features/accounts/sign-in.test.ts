import { SessionTokenSchema } from "@app/contract";
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../helpers/build-test-app.js";
import {
	bearer,
	localApp,
	newEmail,
	PASSWORD,
	sessionCookie,
	signIn,
	signOut,
	signUp,
	tokenFor,
} from "../../helpers/local-accounts.js";
import { generate, myHistory, quota } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

describe.each(ENGINES)("local accounts on %s", (engine) => {
	const context = useTestContext(engine);

	describe("POST /api/auth/sign-in", () => {
		it("signs in again with any letter case, and keeps the history", async () => {
			const t = await localApp(context);
			const email = newEmail();
			const first = await signUp(t, email);
			const token = (await tokenFor(t, first.cookie)).json().token;
			const made = await generate(t, bearer(token), {
				difficulty: "medium",
				language: "javascript",
			});
			expect(made.statusCode).toBe(200);
			await signOut(t, first.cookie);

			const again = await signIn(t, email.toUpperCase(), PASSWORD);
			expect(again.statusCode).toBe(200);
			expect(again.json().user.id).toBe(first.userId);
			const cookie = sessionCookie(again.headers["set-cookie"]);
			const fresh = (await tokenFor(t, cookie)).json().token;
			const history = await myHistory(t, bearer(fresh));
			expect(
				history.json().challenges.map((c: { id: number }) => c.id),
			).toEqual([made.json().id]);
		});

		it("answers 401 invalid_credentials for a wrong password and for an unknown email alike", async () => {
			const t = await localApp(context);
			const email = newEmail();
			await signUp(t, email);
			for (const response of [
				await signIn(t, email, "wrong password"),
				await signIn(t, newEmail(), PASSWORD),
			]) {
				expect(response.statusCode).toBe(401);
				expect(response.json()).toEqual({
					detail: "Wrong email or password",
					code: "invalid_credentials",
				});
				expect(response.headers["set-cookie"]).toBeUndefined();
			}
		});
	});

	describe("POST /api/auth/sign-out", () => {
		it("signs up, gets a token, calls the API, signs out, and is then refused a token", async () => {
			const t = await localApp(context);
			const { cookie, userId } = await signUp(t, newEmail());
			const issued = await tokenFor(t, cookie);
			expect(issued.statusCode).toBe(200);
			expect(issued.headers["cache-control"]).toBe("no-store");
			const { token } = SessionTokenSchema.parse(issued.json());
			const remaining = await quota(t, bearer(token));
			expect(remaining.json()).toMatchObject({
				user_id: userId,
				quota_remaining: 7,
			});

			const out = await signOut(t, cookie);
			expect(out.json()).toEqual({ status: "signed_out" });
			expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
			const refused = await tokenFor(t, cookie);
			expect(refused.statusCode).toBe(401);
			expect(refused.json()).toMatchObject({ code: "unauthorized" });
		});
	});

	describe("GET /api/auth/session", () => {
		it("reports the session's account, and null when signed out", async () => {
			const t = await localApp(context);
			const email = newEmail();
			const { cookie, userId } = await signUp(t, email);
			const signedIn = await t.app.inject({
				method: "GET",
				url: "/api/auth/session",
				headers: { cookie },
			});
			expect(signedIn.json()).toEqual({ user: { id: userId, email } });
			const signedOut = await t.app.inject({
				method: "GET",
				url: "/api/auth/session",
			});
			expect(signedOut.statusCode).toBe(200);
			expect(signedOut.json()).toEqual({ user: null });
		});
	});
});
