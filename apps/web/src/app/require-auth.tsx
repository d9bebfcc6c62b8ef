import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { FullPageLoading } from "@/components/layout/full-page";
import { paths } from "@/config/paths";
import { useAuth } from "@/lib/auth-context";

/** Signed-out visitors of an app page are sent to sign in, and come back afterwards (query included). */
export function RequireAuth({ children }: { children: ReactNode }) {
	const { isLoaded, isSignedIn } = useAuth();
	const location = useLocation();
	if (!isLoaded) return <FullPageLoading />;
	if (!isSignedIn)
		return (
			<Navigate
				to={paths.signIn}
				replace
				state={{ from: location.pathname + location.search }}
			/>
		);
	return children;
}
