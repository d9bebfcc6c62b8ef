import { useMemo } from "react";
import { useLocation, useNavigate } from "react-router";
import { paths } from "@/config/paths";
import {
	ApiError,
	apiDownload,
	apiRequest,
	type Download,
	type RequestOptions,
} from "./api-client";
import { useAuth } from "./auth-context";

export interface Api {
	get<T>(path: string, signal?: AbortSignal): Promise<T>;
	post<T>(path: string, body: unknown): Promise<T>;
	/** an attachment (an export), fetched with the token like every other request */
	download(path: string): Promise<Download>;
}

/**
 * The API client with the session token on every request. A 401 ends the session here too and
 * sends the person to sign in, to come back to this page (path and query) afterwards.
 */
export function useApi(): Api {
	const { getToken, endSession } = useAuth();
	const navigate = useNavigate();
	const { pathname, search } = useLocation();
	return useMemo(() => {
		const toSignIn = () =>
			navigate(paths.signIn, {
				replace: true,
				state: { from: pathname + search },
			});
		async function call<T>(
			method: "GET" | "POST",
			path: string,
			body?: unknown,
			signal?: AbortSignal,
			request: (
				path: string,
				options: RequestOptions,
			) => Promise<T> = apiRequest<T>,
		) {
			const token = await getToken();
			if (!token) {
				toSignIn();
				throw new ApiError(401, "unauthorized", "Please sign in.", {});
			}
			try {
				return await request(path, { method, body, token, signal });
			} catch (error) {
				// the client still holds a session the server refuses: ending it is what keeps the
				// sign-in page from sending a "signed-in" visitor straight back here
				if (error instanceof ApiError && error.status === 401)
					await endSession().finally(toSignIn);
				throw error;
			}
		}
		return {
			get: <T>(path: string, signal?: AbortSignal) =>
				call<T>("GET", path, undefined, signal),
			post: <T>(path: string, body: unknown) => call<T>("POST", path, body),
			download: (path: string) =>
				call<Download>("GET", path, undefined, undefined, apiDownload),
		};
	}, [getToken, endSession, navigate, pathname, search]);
}
