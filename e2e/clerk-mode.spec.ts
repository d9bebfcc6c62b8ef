import { expect, test } from "@playwright/test";
import { CLERK_FRONTEND_API, CLERK_PORT } from "../playwright.config";

test("with a Clerk publishable key the app signs in through Clerk, not the local forms", async ({
	page,
}) => {
	// Clerk's script comes from its Frontend API, which this machine cannot reach: record the request instead
	const requested: string[] = [];
	await page.route(`https://${CLERK_FRONTEND_API}/**`, (route) => {
		requested.push(route.request().url());
		return route.abort();
	});
	const config = await page.request.get(
		`http://localhost:${CLERK_PORT}/api/config`,
	);
	expect((await config.json()).auth.provider).toBe("clerk");
	await page.goto(`http://localhost:${CLERK_PORT}/sign-in`);
	await expect.poll(() => requested.length).toBeGreaterThan(0);
	expect(requested[0]).toContain("clerk");
	await expect(page.getByLabel("Email")).toHaveCount(0);
});
