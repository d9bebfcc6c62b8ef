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

	test("the practice page fits the screen without sideways scrolling", async ({
		page,
		consoleErrors,
	}) => {
		await signUp(page);
		await page.getByRole("button", { name: "Generate challenge" }).click();
		await expect(
			page.getByRole("group", { name: "Answer options" }),
		).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await saveScreenshot(page, "phone");
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
		await saveScreenshot(page, "dark");
		expect(consoleErrors).toEqual([]);
	});
});
