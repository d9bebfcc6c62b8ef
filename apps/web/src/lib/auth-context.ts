import { type ComponentType, createContext, useContext } from "react";

/** What the rest of the app needs from sign-in, whichever provider (Clerk or local accounts) is behind it. */
export interface AuthState {
	provider: "clerk" | "local";
	isLoaded: boolean;
	isSignedIn: boolean;
	/** a fresh session token for the API, or null when signed out (Clerk's getToken() contract) */
	getToken(): Promise<string | null>;
	/** signs this client out, for when the API refuses the session (401) that the client still holds */
	endSession(): Promise<void>;
	/** the header control: Clerk's user button, or our Sign out button */
	AccountControl: ComponentType;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
	const auth = useContext(AuthContext);
	if (!auth) throw new Error("useAuth must be used inside an auth provider");
	return auth;
}
