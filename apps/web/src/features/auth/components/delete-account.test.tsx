import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "@/testing/fake-api";
import {
	jsonResponse,
	renderWithApp,
	signedInAuth,
} from "@/testing/render-with-app";
import { DeleteAccount } from "./delete-account";

async function deleteWith(password: string) {
	const user = userEvent.setup();
	await user.click(screen.getByRole("button", { name: "Delete account" }));
	await user.type(screen.getByLabelText("Password"), password);
	await user.click(
		screen.getByRole("button", {
			name: "Delete my account and everything in it",
		}),
	);
}

describe("DeleteAccount", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("says what deleting removes, asks for the password, then signs out to the sign-in page", async () => {
		const bodies: unknown[] = [];
		stubApi({
			"DELETE /api/auth/account": (_url, body) => {
				bodies.push(body);
				return jsonResponse(200, { status: "deleted" });
			},
		});
		renderWithApp(<DeleteAccount />, { path: "/progress" });
		expect(
			screen.getByText(/deletes all your challenges, answers and progress/),
		).toBeInTheDocument();
		await deleteWith("correct horse battery");
		expect(await screen.findByText("Sign-in page")).toBeInTheDocument();
		expect(bodies).toEqual([{ password: "correct horse battery" }]);
	});

	it("keeps the person signed in and explains a wrong password", async () => {
		stubApi({
			"DELETE /api/auth/account": () =>
				jsonResponse(401, {
					detail: "Wrong password",
					code: "invalid_credentials",
				}),
		});
		renderWithApp(<DeleteAccount />, { path: "/progress" });
		await deleteWith("not it");
		expect(await screen.findByRole("alert")).toHaveTextContent(
			"Wrong password",
		);
		expect(screen.queryByText("Sign-in page")).not.toBeInTheDocument();
		expect(screen.getByLabelText("Password")).toBeInTheDocument();
	});

	it("is not offered in Clerk mode, where Clerk deletes accounts", () => {
		renderWithApp(<DeleteAccount />, {
			auth: { ...signedInAuth, provider: "clerk" },
		});
		expect(
			screen.queryByRole("button", { name: "Delete account" }),
		).not.toBeInTheDocument();
	});
});
