import { useMemo } from "react";
import { useLocation, useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { ApiError, apiRequest } from "./api-client";
import { useAuth } from "./auth-context";

export interface Api {
	get<T>(path: string, signal?: AbortSignal): Promise<T>;
	post<T>(path: string, body: unknown): Promise<T>;
}

/** The API client with the session token on every request; a 401 sends the person to sign in. */
export function useApi(): Api {
	const { getToken } = useAuth();
	const navigate = useNavigate();
	const location = useLocation();
	return useMemo(() => {
		const toSignIn = () =>
			navigate(paths.signIn, {
				replace: true,
				state: { from: location.pathname },
			});
		async function call<T>(
			method: "GET" | "POST",
			path: string,
			body?: unknown,
			signal?: AbortSignal,
		) {
			const token = await getToken();
			if (!token) {
				toSignIn();
				throw new ApiError(401, "unauthorized", "Please sign in.", {});
			}
			try {
				return await apiRequest<T>(path, { method, body, token, signal });
			} catch (error) {
				if (error instanceof ApiError && error.status === 401) toSignIn();
				throw error;
			}
		}
		return {
			get: <T>(path: string, signal?: AbortSignal) =>
				call<T>("GET", path, undefined, signal),
			post: <T>(path: string, body: unknown) => call<T>("POST", path, body),
		};
	}, [getToken, navigate, location.pathname]);
}
