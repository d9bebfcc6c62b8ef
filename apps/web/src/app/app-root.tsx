import type { PublicConfig } from "@app/contract";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Outlet } from "react-router";
import { FullPageError, FullPageLoading } from "@/components/layout/full-page";
import { ClerkKeyMissing } from "@/features/auth/components/clerk-key-missing";
import { LocalAuthProvider } from "@/features/auth/components/local-auth-provider";
import { apiRequest } from "@/lib/api-client";

const ClerkAuthProvider = lazy(() =>
	import("@/features/auth/components/clerk-auth").then((module) => ({
		default: module.ClerkAuthProvider,
	})),
);

/** Asks the server how people sign in (GET /api/config), so one build serves Clerk and local accounts. */
export function AppRoot() {
	const config = useQuery({
		queryKey: ["config"],
		queryFn: () => apiRequest<PublicConfig>("/api/config"),
		staleTime: Number.POSITIVE_INFINITY,
	});
	if (config.isPending) return <FullPageLoading />;
	if (config.isError)
		return (
			<FullPageError error={config.error} onRetry={() => config.refetch()} />
		);
	const { provider, publishable_key } = config.data.auth;
	if (provider === "clerk") {
		if (!publishable_key) return <ClerkKeyMissing />;
		return (
			<Suspense fallback={<FullPageLoading />}>
				<ClerkAuthProvider publishableKey={publishable_key}>
					<Outlet />
				</ClerkAuthProvider>
			</Suspense>
		);
	}
	return (
		<LocalAuthProvider>
			<Outlet />
		</LocalAuthProvider>
	);
}
