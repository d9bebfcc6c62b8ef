import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { ApiError } from "@/lib/api-client";
import { createRouter } from "./router";

/** Retries only what may succeed on its own (network, 5xx); a 4xx will not change by asking again. */
const retry = (failures: number, error: unknown) =>
	failures < 2 && !(error instanceof ApiError && error.status < 500);

export function App() {
	const [queryClient] = useState(
		() =>
			new QueryClient({
				defaultOptions: {
					queries: { retry, refetchOnWindowFocus: false },
					mutations: { retry: false },
				},
			}),
	);
	const [router] = useState(createRouter);
	return (
		<QueryClientProvider client={queryClient}>
			<RouterProvider router={router} />
		</QueryClientProvider>
	);
}
