/**
 * Everything Clerk: loaded only when the server reports Clerk as the provider, so local mode never
 * downloads it. Clerk's own script comes from its Frontend API at run time.
 */
import {
	ClerkProvider,
	SignIn,
	SignUp,
	UserButton,
	useAuth as useClerkAuth,
} from "@clerk/react";
import { type ReactNode, useMemo } from "react";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { AccountBoundary } from "@/lib/account-boundary";
import { AuthContext, type AuthState } from "@/lib/auth-context";

function ClerkUserButton() {
	return <UserButton />;
}

function ClerkBridge({ children }: { children: ReactNode }) {
	const { isLoaded, isSignedIn, userId, getToken, signOut } = useClerkAuth();
	const value = useMemo<AuthState>(
		() => ({
			provider: "clerk",
			isLoaded,
			isSignedIn: Boolean(isSignedIn),
			getToken: () => getToken(),
			endSession: () => signOut(),
			AccountControl: ClerkUserButton,
		}),
		[isLoaded, isSignedIn, getToken, signOut],
	);
	// Clerk signs in, out and switches accounts on its own: the cache must follow its user id
	return (
		<AuthContext.Provider value={value}>
			<AccountBoundary accountId={isLoaded ? (userId ?? null) : undefined}>
				{children}
			</AccountBoundary>
		</AuthContext.Provider>
	);
}

export function ClerkAuthProvider({
	publishableKey,
	children,
}: {
	publishableKey: string;
	children: ReactNode;
}) {
	const navigate = useNavigate();
	return (
		<ClerkProvider
			publishableKey={publishableKey}
			routerPush={(to: string) => navigate(to)}
			routerReplace={(to: string) => navigate(to, { replace: true })}
			signInUrl={paths.signIn}
			signUpUrl={paths.signUp}
			afterSignOutUrl={paths.signIn}
		>
			<ClerkBridge>{children}</ClerkBridge>
		</ClerkProvider>
	);
}

/** Clerk's own sign-in or sign-up component, routed by path like the rest of the app. */
export function ClerkAuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
	return mode === "sign-in" ? (
		<SignIn
			routing="path"
			path={paths.signIn}
			signUpUrl={paths.signUp}
			fallbackRedirectUrl={paths.generate}
		/>
	) : (
		<SignUp
			routing="path"
			path={paths.signUp}
			signInUrl={paths.signIn}
			fallbackRedirectUrl={paths.generate}
		/>
	);
}
