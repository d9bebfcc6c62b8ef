import { expectAccessible } from "./fixtures/axe";
import { expect, saveScreenshot, signUp, test } from "./fixtures/test";

test("a learner who used the quota sees when it refills and cannot generate more", async ({
	page,
	consoleErrors,
}) => {
	await signUp(page);
	await page.getByLabel("Language").selectOption("javascript");
	const generate = page.getByRole("button", { name: "Generate challenge" });
	for (const left of [2, 1, 0]) {
		await generate.click();
		await expect(
			page.getByRole("group", { name: "Answer options" }),
		).toBeVisible();
		await expect(
			page.getByText(
				`${left} ${left === 1 ? "challenge" : "challenges"} remaining`,
			),
		).toBeVisible();
	}
	await expect(generate).toBeDisabled();
	await expect(page.getByText(/Refills in \d+h \d{2}m \d{2}s/)).toBeVisible();
	await expect(
		page.getByText("No challenges left until your quota refills."),
	).toBeVisible();
	await expectAccessible(page, "the practice page with no quota left");
	await saveScreenshot(page, "quota-exhausted");
	expect(consoleErrors).toEqual([]);
});
