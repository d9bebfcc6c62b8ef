import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "@/app/testing/render-app";
import { localAccounts, stubApi } from "@/testing/fake-api";
import { jsonResponse } from "@/testing/render-with-app";

async function signUp(password: string) {
	const user = userEvent.setup();
	await user.type(await screen.findByLabelText("Email"), "ada@example.com");
	await user.type(screen.getByLabelText("Password"), password);
	await user.click(screen.getByRole("button", { name: "Sign up" }));
}

describe("the sign-up form", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("says under the password that a common one is refused", async () => {
		stubApi(localAccounts({ signedIn: false }).handlers);
		renderApp("/sign-up");
		expect(
			await screen.findByLabelText("Password"),
		).toHaveAccessibleDescription(
			"At least 8 characters, and not a common password.",
		);
	});

	it.each([
		[
			400,
			"invalid_request",
			"body.password: is too easy to guess: this is a heavily used password. Add more words that are less common.",
		],
		[
			429,
			"rate_limited",
			"Too many sign-ups from your network in the last hour; try again in 1 hour",
		],
	])(
		"shows the server's reason for a %i refusal",
		async (status, code, detail) => {
			stubApi({
				...localAccounts({ signedIn: false }).handlers,
				"POST /api/auth/sign-up": () => jsonResponse(status, { detail, code }),
			});
			renderApp("/sign-up");
			await signUp("password");
			expect(await screen.findByRole("alert")).toHaveTextContent(detail);
			expect(screen.getByRole("button", { name: "Sign up" })).toBeEnabled();
		},
	);
});
