import {
	QueryClient,
	QueryClientProvider,
	useQuery,
} from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ClerkAuthProvider } from "./clerk-auth";

// Clerk's SDK needs its Frontend API: only the session it reports is replaced here
const clerk = vi.hoisted(() => {
	let state = {
		isLoaded: true,
		isSignedIn: true,
		userId: "user_a" as string | null,
	};
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		set(next: Partial<typeof state>) {
			state = { ...state, ...next };
			for (const listener of listeners) listener();
		},
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
});

vi.mock("@clerk/react", async () => {
	const { useSyncExternalStore } = await import("react");
	return {
		ClerkProvider: ({ children }: { children: ReactNode }) => children,
		useAuth: () => ({
			...useSyncExternalStore(clerk.subscribe, clerk.get),
			getToken: async () => "token",
			signOut: async () => undefined,
		}),
		UserButton: () => null,
		SignIn: () => null,
		SignUp: () => null,
	};
});

/** The account's quota as a page shows it, read from a server that knows who is asking. */
function QuotaOf() {
	const quota = useQuery({
		queryKey: ["quota"],
		queryFn: async () => `${clerk.get().userId}'s quota`,
	});
	return <p>{quota.data ?? "loading"}</p>;
}

describe("ClerkAuthProvider", () => {
	it("forgets the previous account's data when Clerk switches users or signs out", async () => {
		const queryClient = new QueryClient({
			defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
		});
		queryClient.setQueryData(["config"], { kept: true });
		render(
			<QueryClientProvider client={queryClient}>
				<MemoryRouter>
					<ClerkAuthProvider publishableKey="pk_test_x">
						<QuotaOf />
					</ClerkAuthProvider>
				</MemoryRouter>
			</QueryClientProvider>,
		);
		expect(await screen.findByText("user_a's quota")).toBeInTheDocument();

		act(() => clerk.set({ userId: "user_b" }));
		expect(await screen.findByText("user_b's quota")).toBeInTheDocument();
		expect(screen.queryByText("user_a's quota")).not.toBeInTheDocument();

		act(() => clerk.set({ isSignedIn: false, userId: null }));
		await act(async () => undefined);
		expect(screen.queryByText("user_b's quota")).not.toBeInTheDocument();
		expect(queryClient.getQueryData(["config"])).toEqual({ kept: true });
	});
});
