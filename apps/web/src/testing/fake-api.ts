import type { Account, PublicConfig, Session } from "@app/contract";
import { jsonResponse, stubFetch } from "./render-with-app";

type Handler = (url: URL, body: unknown) => Response | Promise<Response>;

/**
 * Answers fetch from a table of "METHOD /path" handlers; anything else gets a 404 naming the
 * request, so a missing stub shows up in the test's failure.
 */
export function stubApi(handlers: Record<string, Handler>) {
	return stubFetch((url, init) => {
		const handler = handlers[`${init?.method ?? "GET"} ${url.pathname}`];
		if (!handler)
			return jsonResponse(404, {
				detail: `no stub for ${init?.method ?? "GET"} ${url.pathname}`,
				code: "not_found",
			});
		return handler(
			url,
			typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
		);
	});
}

export const localConfig: PublicConfig = {
	auth: { provider: "local", publishable_key: null },
	generator: "offline",
};

/**
 * The server's local accounts as the web app sees them: config, session, token, sign-in and
 * sign-out, with the signed-in account held here like the server's cookie.
 */
export function localAccounts({ signedIn }: { signedIn: boolean }) {
	const account: Account = {
		user: { id: "user_1", email: "learner@example.com" },
	};
	const state = { signedIn, signOuts: 0 };
	const handlers: Record<string, Handler> = {
		"GET /api/config": () => jsonResponse(200, localConfig),
		"GET /api/auth/session": () =>
			jsonResponse(200, {
				user: state.signedIn ? account.user : null,
			} satisfies Session),
		"GET /api/auth/token": () =>
			state.signedIn
				? jsonResponse(200, {
						token: "token",
						expires_at: new Date(Date.now() + 60_000).toISOString(),
					})
				: jsonResponse(401, { detail: "Not signed in", code: "unauthorized" }),
		"POST /api/auth/sign-in": () => {
			state.signedIn = true;
			return jsonResponse(200, account);
		},
		"POST /api/auth/sign-out": () => {
			state.signedIn = false;
			state.signOuts += 1;
			return jsonResponse(200, { status: "signed_out" });
		},
	};
	return { state, handlers };
}
