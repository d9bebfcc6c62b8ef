import { describe, expect, it } from "vitest";
import { buildTestApp, useTestContext } from "../../helpers/build-test-app.js";
import {
	bearer,
	localApp,
	newEmail,
	PASSWORD,
	signUp,
	tokenFor,
} from "../../helpers/local-accounts.js";
import { quota } from "../../helpers/practice.js";
import { publicConfig } from "../../helpers/system.js";
import { ENGINES } from "../../helpers/test-db.js";

describe.each(ENGINES)("AUTH_PROVIDER=local on %s", (engine) => {
	const context = useTestContext(engine);

	it("reports local accounts in /api/config", async () => {
		const t = await localApp(context);
		const config = await publicConfig(t);
		expect(config.json().auth).toEqual({
			provider: "local",
			publishable_key: null,
		});
	});
});

describe("AUTH_PROVIDER=clerk", () => {
	const context = useTestContext("pglite");

	/** Every route of local accounts. */
	const LOCAL_ROUTES = [
		["POST", "/api/auth/sign-up"],
		["POST", "/api/auth/sign-in"],
		["POST", "/api/auth/sign-out"],
		["GET", "/api/auth/session"],
		["GET", "/api/auth/token"],
		["GET", "/api/auth/jwks"],
	] as const;

	it("has none of the local account routes in Clerk mode, and refuses local tokens there", async () => {
		const local = await localApp(context);
		const { cookie } = await signUp(local, newEmail());
		const token = (await tokenFor(local, cookie)).json().token;
		const clerk = await buildTestApp(context);
		for (const [method, url] of LOCAL_ROUTES) {
			const request = {
				method,
				url,
				headers: { cookie },
				...(method === "POST"
					? { payload: { email: newEmail(), password: PASSWORD } }
					: {}),
			};
			expect((await local.app.inject(request)).statusCode, url).not.toBe(404);
			const response = await clerk.app.inject(request);
			expect(response.statusCode, url).toBe(404);
			expect(response.json()).toMatchObject({ code: "not_found" });
		}
		expect((await quota(clerk, bearer(token))).statusCode).toBe(401);
	});
});
