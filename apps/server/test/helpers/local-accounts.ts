import type { TestApp } from "./build-test-app.js";

/** Environment that puts a test app in local-accounts mode. */
export const LOCAL_MODE = { CLERK_JWT_KEY: undefined, AUTH_PROVIDER: "local" };

/** The session cookie (name=value) from a response's Set-Cookie headers. */
export function sessionCookie(
	setCookie: string | string[] | undefined,
): string {
	const cookies = Array.isArray(setCookie)
		? setCookie
		: setCookie
			? [setCookie]
			: [];
	const session = cookies.find((cookie) => cookie.includes("session_token="));
	if (!session) throw new Error("no session cookie was set");
	return session.split(";")[0] ?? "";
}

export async function signUp(
	t: TestApp,
	email: string,
	password = "correct horse battery",
) {
	const response = await t.app.inject({
		method: "POST",
		url: "/api/auth/sign-up",
		payload: { email, password },
	});
	if (response.statusCode !== 200)
		throw new Error(
			`sign-up answered ${response.statusCode}: ${response.body}`,
		);
	return {
		cookie: sessionCookie(response.headers["set-cookie"]),
		userId: response.json().user.id as string,
	};
}

export async function signIn(t: TestApp, email: string, password: string) {
	return t.app.inject({
		method: "POST",
		url: "/api/auth/sign-in",
		payload: { email, password },
	});
}

/** A session token, as the web app gets one: with the cookie, from the app's own origin. */
export async function tokenFor(
	t: TestApp,
	cookie: string,
	origin = "http://localhost:8000",
) {
	return t.app.inject({
		method: "GET",
		url: "/api/auth/token",
		headers: { cookie, origin },
	});
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
