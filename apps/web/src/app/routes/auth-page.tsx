import { lazy, Suspense } from "react";
import { Navigate, useLocation } from "react-router";
import { FullPageLoading } from "@/components/layout/full-page";
import { PageTitle } from "@/components/layout/page-title";
import { paths } from "@/config/paths";
import { CredentialsForm } from "@/features/auth/components/credentials-form";
import { useAuth } from "@/lib/auth-context";
import "./auth-page.css";

const ClerkAuthForm = lazy(() =>
	import("@/features/auth/components/clerk-auth").then((module) => ({
		default: module.ClerkAuthForm,
	})),
);

/** Sign-in or sign-up: Clerk's components in Clerk mode, our form for local accounts. */
function AuthPage({ mode }: { mode: "sign-in" | "sign-up" }) {
	const { provider, isLoaded, isSignedIn } = useAuth();
	const location = useLocation();
	// once signed in (here, or already), back to the page that sent the visitor here: one of ours
	const requested = (location.state as { from?: unknown } | null)?.from;
	const from =
		typeof requested === "string" && /^\/(?!\/)/.test(requested)
			? requested
			: paths.generate;
	if (isLoaded && isSignedIn) return <Navigate to={from} replace />;
	return (
		<main className="auth-page">
			<PageTitle page={mode === "sign-in" ? "Sign in" : "Sign up"} />
			{provider === "clerk" ? (
				<Suspense fallback={<FullPageLoading />}>
					<ClerkAuthForm mode={mode} />
				</Suspense>
			) : (
				<CredentialsForm mode={mode} />
			)}
		</main>
	);
}

export const SignInPage = () => <AuthPage mode="sign-in" />;
export const SignUpPage = () => <AuthPage mode="sign-up" />;
