import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
	jsonResponse,
	renderWithApp,
	signedInAuth,
	stubFetch,
} from "@/testing/render-with-app";
import { useApi } from "./use-api";

function Caller() {
	const api = useApi();
	const [result, setResult] = useState("");
	return (
		<button
			type="button"
			onClick={() =>
				api.get<{ quota_remaining: number }>("/api/quota").then(
					(q) => setResult(String(q.quota_remaining)),
					() => undefined,
				)
			}
		>
			Load {result}
		</button>
	);
}

describe("useApi", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("puts the session token on the request", async () => {
		const fetchMock = stubFetch(() =>
			jsonResponse(200, { quota_remaining: 4 }),
		);
		renderWithApp(<Caller />, { path: "/history" });
		await userEvent.setup().click(screen.getByRole("button", { name: "Load" }));
		expect(
			await screen.findByRole("button", { name: "Load 4" }),
		).toBeInTheDocument();
		expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({
			authorization: "Bearer token",
		});
	});

	it("ends the client's session and sends the person to sign in when the API answers 401", async () => {
		stubFetch(() =>
			jsonResponse(401, {
				detail: "The session token has expired",
				code: "unauthorized",
			}),
		);
		const endSession = vi.fn(async () => undefined);
		renderWithApp(<Caller />, {
			path: "/history",
			auth: { ...signedInAuth, endSession },
		});
		await userEvent.setup().click(screen.getByRole("button", { name: "Load" }));
		expect(await screen.findByText("Sign-in page")).toBeInTheDocument();
		expect(endSession).toHaveBeenCalledOnce();
	});

	it("sends the person to sign in without calling the API when there is no session", async () => {
		const fetchMock = stubFetch(() => jsonResponse(200, {}));
		renderWithApp(<Caller />, {
			auth: { ...signedInAuth, getToken: async () => null },
		});
		await userEvent.setup().click(screen.getByRole("button", { name: "Load" }));
		expect(await screen.findByText("Sign-in page")).toBeInTheDocument();
		expect(fetchMock).not.toHaveBeenCalled();
	});
});
