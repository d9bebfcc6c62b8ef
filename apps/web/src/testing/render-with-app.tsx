import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { vi } from "vitest";
import { paths } from "@/config/paths";
import { AuthContext, type AuthState } from "@/lib/auth-context";

/** A signed-in session whose token the API client attaches. */
export const signedInAuth: AuthState = {
	provider: "local",
	isLoaded: true,
	isSignedIn: true,
	getToken: async () => "token",
	endSession: async () => undefined,
	AccountControl: () => null,
};

/** Server state without retries, so a refused request shows at once. */
export const testQueryClient = () =>
	new QueryClient({
		defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
	});

/**
 * Renders a component the way the app does: with server state, an auth session and a router;
 * /sign-in renders "Sign-in page", so a redirect there is visible.
 */
export function renderWithApp(
	ui: ReactNode,
	{ path = "/", auth = signedInAuth }: { path?: string; auth?: AuthState } = {},
) {
	const queryClient = testQueryClient();
	return render(
		<QueryClientProvider client={queryClient}>
			<AuthContext.Provider value={auth}>
				<MemoryRouter initialEntries={[path]}>
					<Routes>
						<Route path={paths.signIn} element={<p>Sign-in page</p>} />
						<Route path="*" element={ui} />
					</Routes>
				</MemoryRouter>
			</AuthContext.Provider>
		</QueryClientProvider>,
	);
}

/** A JSON response, as the API sends them. */
export const jsonResponse = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { "content-type": "application/json" },
	});

/** Answers every fetch with `respond(url, init)`; the network is the only thing the web tests replace. */
export function stubFetch(
	respond: (url: URL, init?: RequestInit) => Response | Promise<Response>,
) {
	const fetchMock = vi.fn(
		async (input: RequestInfo | URL, init?: RequestInit) =>
			respond(new URL(String(input), "http://localhost"), init),
	);
	vi.stubGlobal("fetch", fetchMock);
	return fetchMock;
}
