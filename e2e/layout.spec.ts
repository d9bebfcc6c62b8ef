import { expectAccessible } from "./fixtures/axe";
import { expect, saveScreenshot, signUp, test } from "./fixtures/test";

for (const path of ["/", "/history", "/progress"]) {
	test(`a signed-out visitor of ${path} is sent to sign in`, async ({
		page,
		consoleErrors,
	}) => {
		await page.goto(path);
		await expect(page).toHaveURL(/\/sign-in$/);
		await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
		expect(consoleErrors).toEqual([]);
	});
}

test.describe("on a 360 px phone", () => {
	test.use({ viewport: { width: 360, height: 780 } });

	test("the practice, history and progress pages fit the screen without sideways scrolling", async ({
		page,
		consoleErrors,
	}) => {
		const overflow = () =>
			page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth,
			);
		await signUp(page);
		await page.getByRole("button", { name: "Generate challenge" }).click();
		const options = page.getByRole("group", { name: "Answer options" });
		await expect(options).toBeVisible();
		expect(await overflow(), "/").toBeLessThanOrEqual(0);
		await saveScreenshot(page, "phone");
		await options.getByRole("button").first().click();
		await expect(
			page.getByRole("heading", { name: /^(Correct|Incorrect)$/ }),
		).toBeVisible();

		await page.getByRole("link", { name: "History" }).click();
		const entry = page
			.getByRole("main")
			.getByRole("listitem")
			.first()
			.getByRole("button")
			.first();
		await entry.click();
		await expect(
			page.getByRole("group", { name: "Answer options" }),
		).toBeVisible();
		expect(await overflow(), "/history").toBeLessThanOrEqual(0);

		await page.getByRole("link", { name: "Progress" }).click();
		await expect(
			page.getByRole("heading", { name: "Accuracy over time" }),
		).toBeVisible();
		expect(await overflow(), "/progress").toBeLessThanOrEqual(0);
		expect(consoleErrors).toEqual([]);
	});
});

test.describe("in dark mode", () => {
	test.use({ colorScheme: "dark" });

	test("the challenge card follows the system's dark scheme", async ({
		page,
		consoleErrors,
	}) => {
		await signUp(page);
		await page.getByRole("button", { name: "Generate challenge" }).click();
		await page
			.getByRole("group", { name: "Answer options" })
			.getByRole("button")
			.first()
			.click();
		await expect(
			page.getByRole("heading", { name: /^(Correct|Incorrect)$/ }),
		).toBeVisible();
		const background = await page.evaluate(
			() => getComputedStyle(document.body).backgroundColor,
		);
		expect(background).toBe("rgb(14, 17, 23)");
		await expect(
			page.getByRole("figure", { name: /code$/ }).locator(".shiki"),
		).toBeVisible();
		await expectAccessible(page, "the feedback in dark mode");
		await saveScreenshot(page, "dark");
		expect(consoleErrors).toEqual([]);
	});
});
