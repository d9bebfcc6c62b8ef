import type { Locator, Page } from "@playwright/test";
import { expect, signUp, test } from "./fixtures/test";

/** Presses Tab until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40) {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((element) => element === document.activeElement))
			return;
		await page.keyboard.press("Tab");
	}
	throw new Error("the element was not reached with Tab");
}

test("a learner answers with the keyboard alone, and focus follows the feedback", async ({
	page,
	consoleErrors,
}) => {
	await signUp(page);
	const language = page.getByLabel("Language");
	await tabTo(page, language);
	await page.keyboard.press("ArrowDown");
	await expect(language).toHaveValue("javascript");

	await tabTo(page, page.getByRole("button", { name: "Generate challenge" }));
	await page.keyboard.press("Enter");
	await expect(page.getByRole("heading", { level: 2 })).toBeFocused();
	// the code scrolls sideways on a narrow screen, so it is the next stop, before the options
	await page.keyboard.press("Tab");
	await expect(
		page.getByRole("figure", { name: "JavaScript code" }),
	).toBeFocused();

	const second = page
		.getByRole("group", { name: "Answer options" })
		.getByRole("button")
		.nth(1);
	await tabTo(page, second);
	await page.keyboard.press("Space");
	const feedback = page.getByRole("heading", { name: /^(Correct|Incorrect)$/ });
	await expect(feedback).toBeFocused();

	await tabTo(page, page.getByRole("button", { name: "Next challenge" }));
	await page.keyboard.press("Enter");
	await expect(page.getByRole("heading", { level: 2 })).toBeFocused();
	await expect(feedback).toHaveCount(0);
	expect(consoleErrors).toEqual([]);
});
