import { lazy, Suspense } from "react";
import { Navigate, useLocation } from "react-router";
import { FullPageLoading } from "@/components/layout/full-page";
import { paths } from "@/config/paths";
import { CredentialsForm } from "@/features/auth/components/credentials-form";
import { useAuth } from "@/lib/auth-context";

const ClerkSignIn = lazy(() =>
	import("@/features/auth/components/clerk-auth").then((module) => ({
		default: module.ClerkSignIn,
	})),
);

export function SignInPage() {
	const { provider, isLoaded, isSignedIn } = useAuth();
	const location = useLocation();
	// once signed in (here, or already), back to the page that sent the visitor here
	const from =
		(location.state as { from?: string } | null)?.from ?? paths.generate;
	if (isLoaded && isSignedIn) return <Navigate to={from} replace />;
	return (
		<main className="auth-page">
			{provider === "clerk" ? (
				<Suspense fallback={<FullPageLoading />}>
					<ClerkSignIn />
				</Suspense>
			) : (
				<CredentialsForm mode="sign-in" />
			)}
		</main>
	);
}
