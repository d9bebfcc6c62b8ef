import { readFile } from "node:fs/promises";
import type { AnswerResponse, Challenge } from "@app/contract";
import type { Page, Response } from "@playwright/test";
import { expectAccessible } from "./fixtures/axe";
import {
	expect,
	PASSWORD,
	saveScreenshot,
	signUp,
	test,
} from "./fixtures/test";

const isGenerate = (response: Response) =>
	response.url().endsWith("/api/generate-challenge") &&
	response.request().method() === "POST";

const isAnswer = (response: Response) =>
	/\/api\/challenges\/\d+\/answer$/.test(response.url());

/** Runs `action` and returns the challenge it generated: the answer is only known from this response. */
async function generated(page: Page, action: () => Promise<void>) {
	const [response] = await Promise.all([
		page.waitForResponse(isGenerate),
		action(),
	]);
	expect(response.status()).toBe(200);
	const challenge = (await response.json()) as Challenge;
	await expect(page.getByRole("heading", { level: 2 })).toHaveText(
		challenge.title,
	);
	return challenge;
}

/** Clicks option `index` of the challenge on the page, as a learner would, and returns the server's verdict. */
async function answer(page: Page, index: number) {
	const [response] = await Promise.all([
		page.waitForResponse(isAnswer),
		page
			.getByRole("group", { name: "Answer options" })
			.getByRole("button")
			.nth(index)
			.click(),
	]);
	return (await response.json()) as AnswerResponse;
}

/**
 * Signs up and answers a first challenge wrongly, until a wrong option turns out to have a belief
 * behind it: only the answer says so. Each try is a new learner, so the two units of quota left
 * (QUOTA_INITIAL is 3 in the e2e server) pay for the practice that follows.
 */
async function answerWithAMisconception(page: Page) {
	for (let attempt = 1; attempt <= 6; attempt++) {
		if (attempt > 1) {
			await page.getByRole("button", { name: "Sign out" }).click();
			await expect(page).toHaveURL(/\/sign-in$/);
		}
		await signUp(page);
		const challenge = await generated(page, () =>
			page.getByRole("button", { name: "Generate challenge" }).click(),
		);
		const wrong = challenge.options.findIndex(
			(_option, index) => index !== challenge.correct_answer_id,
		);
		const verdict = await answer(page, wrong);
		expect(verdict.correct).toBe(false);
		await expect(
			page.getByRole("heading", { name: "Incorrect" }),
		).toBeFocused();
		if (verdict.misconception) return { challenge, verdict };
		await expect(page.getByText("You may think that")).toHaveCount(0);
	}
	throw new Error("no wrong option with a known belief in six challenges");
}

test("a wrong answer names a misconception, practising its idea twice resolves it", async ({
	page,
	consoleErrors,
}) => {
	const { challenge, verdict } = await answerWithAMisconception(page);
	const misconception = verdict.misconception;
	if (!misconception) throw new Error("answerWithAMisconception returns one");
	const feedback = page.getByText(/^You may think that/);
	await expect(feedback).toHaveText(misconception.statement);
	await expect(
		page.getByRole("button", { name: "Practise this idea" }),
	).toBeVisible();
	await expectAccessible(page, "the feedback with a misconception");
	await saveScreenshot(page, "misconception-feedback");

	// the challenge's own page shows the same recorded answer and belief
	await page
		.getByRole("link", { name: "Open this challenge on its own page" })
		.click();
	await expect(page).toHaveURL(new RegExp(`/challenges/${challenge.id}$`));
	await expect(page).toHaveTitle("Challenge · Code Trainer");
	await expect(page.getByRole("heading", { name: "Incorrect" })).toBeVisible();
	await expect(page.getByText(misconception.statement)).toBeVisible();

	await page.getByRole("link", { name: "Progress" }).click();
	const revisit = page.getByRole("region", { name: "Ideas to revisit" });
	const item = revisit
		.getByRole("listitem")
		.filter({ hasText: misconception.statement });
	await expect(item).toBeVisible();
	await expect(item).toContainText("once");
	// a belief belongs to the idea of the challenge that showed it
	expect(challenge.idea?.id).toBe(misconception.idea);
	const ideaCells = page
		.getByRole("table", { name: "Accuracy by idea" })
		.getByRole("row")
		.filter({
			has: page.getByRole("rowheader", {
				name: challenge.idea?.name,
				exact: true,
			}),
		})
		.getByRole("cell");
	await expect(ideaCells).toHaveText(["1", "0", "0%"]);
	await expectAccessible(page, "the progress page with an idea to revisit");
	await saveScreenshot(page, "ideas-to-revisit");

	// practise the idea: twice right, and the misconception is resolved
	let practice = await generated(page, () =>
		item.getByRole("button", { name: "Practise this idea" }).click(),
	);
	await expect(page).toHaveURL(/\/$/);
	for (const round of [1, 2]) {
		expect(practice.idea?.id).toBe(misconception.idea);
		await expect(
			page.getByRole("article").getByText(practice.idea?.name ?? "", {
				exact: true,
			}),
		).toBeVisible();
		expect((await answer(page, practice.correct_answer_id)).correct).toBe(true);
		await expect(page.getByRole("heading", { name: "Correct" })).toBeFocused();
		if (round === 1)
			practice = await generated(page, () =>
				page.getByRole("button", { name: "Next challenge" }).click(),
			);
	}

	await page.getByRole("link", { name: "Progress" }).click();
	await expect(revisit).toContainText("Nothing to revisit");
	await expect(
		revisit.getByRole("button", { name: "Practise this idea" }),
	).toHaveCount(0);
	await revisit.getByText("Resolved (1)").click();
	await expect(revisit.getByText(misconception.statement)).toBeVisible();
	await expect(ideaCells).toHaveText(["3", "2", "67%"]);
	await expectAccessible(page, "the progress page with a resolved idea");
	expect(consoleErrors).toEqual([]);
});

test("a learner exports the history, then deletes the account with everything in it", async ({
	page,
	consoleErrors,
}) => {
	const { email } = await signUp(page);
	const challenge = await generated(page, () =>
		page.getByRole("button", { name: "Generate challenge" }).click(),
	);
	await page.getByRole("link", { name: "History" }).click();
	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("button", { name: "Export JSON" }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(/\.json$/);
	const exported = JSON.parse(
		await readFile(await download.path(), "utf8"),
	) as {
		challenges: Challenge[];
	};
	expect(exported.challenges.map((item) => item.id)).toEqual([challenge.id]);

	await page.getByRole("link", { name: "Progress" }).click();
	await page.getByRole("button", { name: "Delete account" }).click();
	await page.getByLabel("Password").fill("not the password");
	page.on("console", () => undefined);
	await page
		.getByRole("button", { name: "Delete my account and everything in it" })
		.click();
	await expect(page.getByRole("alert")).toBeVisible();
	await expect(page).toHaveURL(/\/progress$/);
	await expectAccessible(page, "the account deletion form");

	await page.getByLabel("Password").fill(PASSWORD);
	await page
		.getByRole("button", { name: "Delete my account and everything in it" })
		.click();
	await expect(page).toHaveURL(/\/sign-in$/);
	await page.getByLabel("Email").fill(email);
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Sign in" }).click();
	await expect(page.getByRole("alert")).toHaveText("Wrong email or password");
	// the browser itself logs the 401 responses of the wrong password and the deleted account
	consoleErrors.splice(
		0,
		consoleErrors.length,
		...consoleErrors.filter((error) => !error.includes("401")),
	);
});
