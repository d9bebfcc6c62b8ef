import { randomUUID } from "node:crypto";
import {
	buildTestApp,
	type TestApp,
	type TestAppOptions,
	type TestContext,
} from "./build-test-app.js";

/**
 * Environment that puts a test app in local-accounts mode. The tests of a file share one
 * database, so their sign-ups add up in the sign-up limits: those are raised here, and the tests
 * of the limits set their own.
 */
export const LOCAL_MODE = {
	CLERK_JWT_KEY: undefined,
	AUTH_PROVIDER: "local",
	SIGN_UP_LIMIT_PER_CLIENT: 10_000,
	SIGN_UP_LIMIT_PER_HOUR: 10_000,
};

/** The password the tests' accounts sign up with. */
export const PASSWORD = "correct horse battery";

/** An email no other test signs up with. */
export const newEmail = () => `learner-${randomUUID().slice(0, 8)}@example.com`;

/** A local-accounts app whose new users start with 7 units, so a test can tell sign-up provisioned them. */
export const localApp = (context: TestContext, options: TestAppOptions = {}) =>
	buildTestApp(context, {
		...options,
		env: { ...LOCAL_MODE, QUOTA_INITIAL: 7, ...options.env },
	});

/**
 * Where a request comes from: its network address, the cookies its browser holds, and any other
 * headers on the way (a proxy's X-Forwarded-*, a Host).
 */
export interface From {
	address?: string;
	cookie?: string;
	headers?: Record<string, string>;
}

const sentFrom = (from: From) => {
	const headers = {
		...from.headers,
		...(from.cookie ? { cookie: from.cookie } : {}),
	};
	return {
		...(from.address ? { remoteAddress: from.address } : {}),
		...(Object.keys(headers).length > 0 ? { headers } : {}),
	};
};

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

/** The sign-in device cookie (name=value) from a response's Set-Cookie headers. */
export function deviceCookie(setCookie: string | string[] | undefined): string {
	const cookies = Array.isArray(setCookie) ? setCookie : [setCookie ?? ""];
	const device = cookies.find((cookie) => cookie.startsWith("sign_in_device="));
	if (!device) throw new Error("no device cookie was set");
	return device.split(";")[0] ?? "";
}

/** POST /api/auth/sign-up; the body is sent as given, so tests can send bad input too. */
export const signUpRequest = (t: TestApp, body: unknown, from: From = {}) =>
	t.app.inject({
		method: "POST",
		url: "/api/auth/sign-up",
		payload: body as object,
		...sentFrom(from),
	});

/** Signs up, and fails the test unless the account is created. */
export async function signUp(
	t: TestApp,
	email: string,
	password = PASSWORD,
	from: From = {},
) {
	const response = await signUpRequest(t, { email, password }, from);
	if (response.statusCode !== 200)
		throw new Error(
			`sign-up answered ${response.statusCode}: ${response.body}`,
		);
	return {
		cookie: sessionCookie(response.headers["set-cookie"]),
		device: deviceCookie(response.headers["set-cookie"]),
		userId: response.json().user.id as string,
	};
}

export async function signIn(
	t: TestApp,
	email: string,
	password: string,
	from: From = {},
) {
	return t.app.inject({
		method: "POST",
		url: "/api/auth/sign-in",
		payload: { email, password },
		...sentFrom(from),
	});
}

/** POST /api/auth/sign-out with the session cookie. */
export const signOut = (t: TestApp, cookie: string) =>
	t.app.inject({
		method: "POST",
		url: "/api/auth/sign-out",
		headers: { cookie },
	});

/** GET /api/auth/token, sent exactly as `from` says. */
export const tokenRequest = (t: TestApp, from: From = {}) =>
	t.app.inject({ method: "GET", url: "/api/auth/token", ...sentFrom(from) });

/** A session token, as the web app gets one: with the cookie, from the app's own origin. */
export const tokenFor = (
	t: TestApp,
	cookie: string,
	origin = "http://localhost:8000",
) => tokenRequest(t, { cookie, headers: { origin } });

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
