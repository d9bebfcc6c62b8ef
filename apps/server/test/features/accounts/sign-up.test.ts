import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authAccounts, authUsers } from "../../../src/db/auth-schema.js";
import { quotas } from "../../../src/db/schema.js";
import { useTestContext } from "../../helpers/build-test-app.js";
import {
	localApp,
	newEmail,
	PASSWORD,
	signUp,
	signUpRequest,
} from "../../helpers/local-accounts.js";
import { ENGINES } from "../../helpers/test-db.js";

describe.each(ENGINES)("POST /api/auth/sign-up on %s", (engine) => {
	const context = useTestContext(engine);

	it("provisions the quota at sign-up through the function Clerk's user.created uses", async () => {
		const t = await localApp(context);
		const { userId } = await signUp(t, newEmail());
		const [row] = await context.db.db
			.select()
			.from(quotas)
			.where(eq(quotas.userId, userId));
		expect(row).toMatchObject({ quotaRemaining: 7 });
	});

	it("refuses a second account with the same email in another case, creating nothing", async () => {
		const t = await localApp(context);
		const email = newEmail();
		await signUp(t, email);
		const response = await signUpRequest(t, {
			email: email.toUpperCase(),
			password: "another password",
		});
		expect(response.statusCode).toBe(409);
		expect(response.json()).toMatchObject({ code: "email_taken" });
		const users = await context.db.db
			.select()
			.from(authUsers)
			.where(eq(authUsers.email, email));
		expect(users).toHaveLength(1);
	});

	it.each([
		[{ email: "not-an-email", password: PASSWORD }, "body.email"],
		[{ email: "", password: PASSWORD }, "body.email"],
		[{ email: newEmail(), password: "short" }, "body.password"],
		[{ email: newEmail() }, "body.password"],
	])(
		"answers 400 naming the field for %j and creates nothing",
		async (payload, field) => {
			const t = await localApp(context);
			const response = await signUpRequest(t, payload);
			expect(response.statusCode).toBe(400);
			expect(response.json()).toMatchObject({
				code: "invalid_request",
				detail: expect.stringContaining(field),
			});
			if (payload.email) {
				const users = await context.db.db
					.select()
					.from(authUsers)
					.where(eq(authUsers.email, payload.email));
				expect(users).toHaveLength(0);
			}
		},
	);

	it("sets an httpOnly SameSite=Lax cookie, Secure only behind HTTPS", async () => {
		// the HTTPS proxy is on this machine (inject's address is 127.0.0.1)
		const t = await localApp(context, { env: { TRUST_PROXY: "loopback" } });
		const plain = await signUpRequest(t, {
			email: newEmail(),
			password: PASSWORD,
		});
		const cookie = String(plain.headers["set-cookie"]);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/);
		const https = await signUpRequest(
			t,
			{ email: newEmail(), password: PASSWORD },
			{ headers: { "x-forwarded-proto": "https" } },
		);
		const cookies = [https.headers["set-cookie"] ?? []].flat();
		expect(cookies.map((cookie) => cookie.split("=")[0])).toEqual(
			expect.arrayContaining(["better-auth.session_token", "sign_in_device"]),
		);
		for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
	});

	it("stores a scrypt hash, never the password", async () => {
		const t = await localApp(context);
		const { userId } = await signUp(t, newEmail());
		const [account] = await context.db.db
			.select()
			.from(authAccounts)
			.where(eq(authAccounts.userId, userId));
		expect(account?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
		expect(account?.password).not.toContain(PASSWORD);
	});
});
