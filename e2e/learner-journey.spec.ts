import type { Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/axe";
import {
	expect,
	PASSWORD,
	saveScreenshot,
	signUp,
	test,
} from "./fixtures/test";

/** Waits for Shiki's highlighted markup: the code's colours, which axe checks, exist only then. */
const highlighted = (page: Page) =>
	expect(
		page.getByRole("figure", { name: /code$/ }).locator(".shiki"),
	).toBeVisible();

test("a learner signs up, practises, reviews the history, and finds it again after signing back in", async ({
	page,
	consoleErrors,
}) => {
	await page.goto("/");
	await expect(page).toHaveURL(/\/sign-in$/);
	await expect(page).toHaveTitle("Sign in · Code Trainer");
	await expectAccessible(page, "the sign-in page");
	await saveScreenshot(page, "sign-in");

	const { email } = await signUp(page);
	await expect(page).toHaveTitle("Practice · Code Trainer");
	await expect(page.getByText("3 challenges remaining")).toBeVisible();
	await expectAccessible(page, "the empty practice page");
	await page.getByLabel("Difficulty").selectOption("medium");
	await page.getByLabel("Language").selectOption("javascript");
	const generate = page.getByRole("button", { name: "Generate challenge" });
	await generate.click();

	const options = page.getByRole("group", { name: "Answer options" });
	await expect(options.getByRole("button")).toHaveCount(4);
	const title =
		(await page.getByRole("heading", { level: 2 }).textContent()) ?? "";
	// each kind of question asks its own question
	expect(title).toMatch(
		/: (what does this code print|what happens when this runs|what fills the blank|which change fixes it)\?$/,
	);
	await expect(page.getByText("2 challenges remaining")).toBeVisible();
	await highlighted(page);
	await expectAccessible(page, "a challenge");
	await saveScreenshot(page, "challenge");

	await options.getByRole("button").nth(1).click();
	await expect(
		page.getByRole("heading", { name: /^(Correct|Incorrect)$/ }),
	).toBeVisible();
	await expect(page.getByText("Verified by running the code")).toBeVisible();
	await expect(page.getByText("✓ Right answer")).toBeVisible();
	await expectAccessible(page, "the feedback");
	await saveScreenshot(page, "feedback");

	// a second challenge, in Python, to see the history put the newest first
	await page.getByLabel("Language").selectOption("python");
	await generate.click();
	await expect(page.getByText("1 challenge remaining")).toBeVisible();
	await expect(options.getByRole("button").first()).toBeEnabled();
	const newest =
		(await page.getByRole("heading", { level: 2 }).textContent()) ?? "";

	await page.getByRole("link", { name: "History" }).click();
	await expect(page).toHaveTitle("History · Code Trainer");
	const entries = page.getByRole("main").getByRole("listitem");
	await expect(entries).toHaveCount(2);
	const newestEntry = entries.nth(0).getByRole("button").first();
	const olderEntry = entries.nth(1).getByRole("button").first();
	await expect(newestEntry).toContainText(newest);
	await expect(newestEntry).toContainText("Python");
	await expect(newestEntry).toContainText("Not answered");
	await expect(olderEntry).toContainText(title);
	await expect(olderEntry).toContainText("JavaScript");
	await expect(olderEntry).toContainText(/Correct|Incorrect/);
	await saveScreenshot(page, "history");
	// opening an answered entry shows it without taking the focus from the list
	await olderEntry.click();
	await expect(
		page.getByRole("heading", { name: /^(Correct|Incorrect)$/ }),
	).toBeVisible();
	await expect(olderEntry).toBeFocused();
	await highlighted(page);
	await expectAccessible(page, "the history with an entry open");
	await page.reload();
	await expect(page.getByText(title).first()).toBeVisible();

	await page.getByRole("link", { name: "Progress" }).click();
	await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
	await expect(page).toHaveTitle("Progress · Code Trainer");
	await expectAccessible(page, "the progress page");
	await saveScreenshot(page, "progress");

	await page.getByRole("button", { name: "Sign out" }).click();
	await expect(page).toHaveURL(/\/sign-in$/);
	await page.goto("/history");
	await expect(page).toHaveURL(/\/sign-in$/);

	await page.getByLabel("Email").fill(email.toUpperCase());
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Sign in" }).click();
	await expect(page).toHaveURL(/\/history$/);
	await expect(page.getByText(title).first()).toBeVisible();
	expect(consoleErrors).toEqual([]);
});

test("a wrong password is explained and signs nobody in", async ({
	page,
	consoleErrors,
}) => {
	const { email } = await signUp(page);
	await page.getByRole("button", { name: "Sign out" }).click();
	await page.getByLabel("Email").fill(email);
	await page.getByLabel("Password").fill("not the password");
	page.on("console", () => undefined);
	await page.getByRole("button", { name: "Sign in" }).click();
	await expect(page.getByRole("alert")).toHaveText("Wrong email or password");
	await expect(page).toHaveURL(/\/sign-in$/);
	// the browser itself logs the 401 response; nothing else may
	consoleErrors.splice(
		0,
		consoleErrors.length,
		...consoleErrors.filter((e) => !e.includes("401")),
	);
});

test("a challenge left unanswered can be answered later from the history", async ({
	page,
	consoleErrors,
}) => {
	await signUp(page);
	await page.getByRole("button", { name: "Generate challenge" }).click();
	const title =
		(await page.getByRole("heading", { level: 2 }).textContent()) ?? "";
	await page.getByRole("link", { name: "History" }).click();
	const entry = page.getByRole("button", {
		name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
	});
	await expect(entry).toContainText("Not answered");
	await entry.click();
	await page
		.getByRole("group", { name: "Answer options" })
		.getByRole("button")
		.first()
		.click();
	const feedback = page.getByRole("heading", { name: /^(Correct|Incorrect)$/ });
	await expect(feedback).toBeFocused();
	await expect(entry).toContainText(/Correct|Incorrect/);
	expect(consoleErrors).toEqual([]);
});
