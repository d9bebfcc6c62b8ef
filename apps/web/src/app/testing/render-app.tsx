import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { testQueryClient } from "@/testing/render-with-app";
import { routes } from "../router";

/**
 * The whole app at `entry` (a path, or a location with state): the real routes, auth providers and
 * pages, with only fetch replaced. It lives in app/, not testing/, because the shared layer does not
 * import the app (apps/web/biome.json); so only the app's own tests render the whole app.
 */
export function renderApp(
	entry: string | { pathname: string; search?: string; state?: unknown },
) {
	const queryClient = testQueryClient();
	const router = createMemoryRouter(routes, { initialEntries: [entry] });
	render(
		<QueryClientProvider client={queryClient}>
			<RouterProvider router={router} />
		</QueryClientProvider>,
	);
	return { router, queryClient };
}
