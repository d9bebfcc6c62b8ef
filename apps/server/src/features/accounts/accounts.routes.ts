import {
	AccountSchema,
	ErrorBodySchema,
	SessionSchema,
	SessionTokenSchema,
	SignedOutSchema,
	SignInRequestSchema,
	SignUpRequestSchema,
} from "@app/contract";
import { APIError } from "better-auth/api";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.js";
import { instanceSecret } from "../../db/instance-secret.js";
import { AppError, unauthorized } from "../../errors.js";
import { rateLimited } from "../../rate-limit/rate-limited.js";
import type { LocalAuth } from "./local-auth.js";
import { passwordWeakness } from "./password-strength.js";
import { signInDevices } from "./sign-in-device.js";
import {
	admitSignIn,
	clientOf,
	signInFailed,
	signInSucceeded,
} from "./sign-in-throttle.js";
import { signUpLimits } from "./sign-up-limits.js";

/** Local session tokens live as long as Clerk's: a minute, refreshed by the web app before they expire. */
export const TOKEN_LIFETIME_S = 60;

function toHeaders(request: FastifyRequest): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined)
			headers.set(name, Array.isArray(value) ? value.join(", ") : value);
	}
	return headers;
}

/** Hands better-auth's cookies (and ours) to the browser, marked Secure when the request came over HTTPS. */
function forwardCookies(
	request: FastifyRequest,
	reply: FastifyReply,
	headers: Headers,
	...own: string[]
): void {
	const cookies = [...headers.getSetCookie(), ...own].map((cookie) =>
		request.protocol === "https" && !/;\s*secure/i.test(cookie)
			? `${cookie}; Secure`
			: cookie,
	);
	if (cookies.length) reply.header("set-cookie", cookies);
}

/** better-auth's errors, in the contract's shape. */
function accountError(error: unknown): unknown {
	if (!(error instanceof APIError)) return error;
	switch (error.body?.code) {
		case "USER_ALREADY_EXISTS":
		case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
			return new AppError(
				409,
				"email_taken",
				"An account with this email already exists",
			);
		case "INVALID_EMAIL_OR_PASSWORD":
			return new AppError(
				401,
				"invalid_credentials",
				"Wrong email or password",
			);
		default:
			return error.statusCode < 500
				? new AppError(
						400,
						"invalid_request",
						error.body?.message ?? "The request was refused",
					)
				: error;
	}
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema };
const TOO_MANY = {
	client: "Too many sign-in attempts for this account from here",
	everyone:
		"Too many failed sign-ins on this server in the last hour: only a browser you have signed in with before may sign in now",
};

/** Sign-up, sign-in, sign-out and session tokens of local accounts; registered only when AUTH_PROVIDER is local. */
export const accountsRoutes: FastifyPluginAsyncZod<{
	auth: LocalAuth;
	signUpLimits: Config["signUpLimits"];
}> = async (app, options) => {
	const { auth } = options;
	const limitSignUps = await signUpLimits(app, options.signUpLimits);
	const devices = signInDevices(
		await instanceSecret(app.db, "sign-in-devices"),
	);
	const sessionOf = async (request: FastifyRequest) => {
		const session = await auth.api.getSession({ headers: toHeaders(request) });
		if (!session) throw unauthorized("Not signed in");
		return session;
	};

	app.post(
		"/api/auth/sign-up",
		{
			schema: {
				tags: ["accounts"],
				summary: "Create a local account and sign in",
				body: SignUpRequestSchema,
				response: {
					200: AccountSchema,
					409: ErrorBodySchema,
					429: ErrorBodySchema,
					...errors,
				},
			},
			// after validation, so a malformed body does not count
			preHandler: limitSignUps,
		},
		async (request, reply) => {
			const { email, password } = request.body;
			const weakness = passwordWeakness(password, email);
			if (weakness)
				throw new AppError(
					400,
					"invalid_request",
					`body.password: ${weakness}`,
				);
			const { headers, response } = await auth.api
				.signUpEmail({
					body: { email, password, name: email.split("@")[0] ?? email },
					headers: toHeaders(request),
					returnHeaders: true,
				})
				.catch((error: unknown) => {
					throw accountError(error);
				});
			forwardCookies(request, reply, headers, devices.cookieFor(email));
			return { user: { id: response.user.id, email: response.user.email } };
		},
	);

	app.post(
		"/api/auth/sign-in",
		{
			schema: {
				tags: ["accounts"],
				summary:
					"Sign in to a local account; repeated failures slow down the client that makes them",
				body: SignInRequestSchema,
				response: { 200: AccountSchema, 429: ErrorBodySchema, ...errors },
			},
		},
		async (request, reply) => {
			const { email, password } = request.body;
			const device = devices.recognise(request.headers.cookie, email);
			const client = clientOf(device, request.ip);
			const admission = await admitSignIn(app.db, email, client, app.now());
			if (!admission.allowed)
				throw rateLimited(
					reply,
					TOO_MANY[admission.why],
					admission.retryAt,
					app.now(),
				);
			const { headers, response } = await auth.api
				.signInEmail({
					body: { email, password },
					headers: toHeaders(request),
					returnHeaders: true,
				})
				.catch(async (error: unknown) => {
					const refusal = accountError(error);
					if (
						refusal instanceof AppError &&
						refusal.code === "invalid_credentials" &&
						(await signInFailed(app.db, app.now()))
					)
						request.log.warn(
							"failed sign-ins reached the hourly cap: until the hour ends, only browsers that signed in before may sign in",
						);
					throw refusal;
				});
			await signInSucceeded(app.db, email, client);
			forwardCookies(request, reply, headers, devices.cookieFor(email, device));
			return { user: { id: response.user.id, email: response.user.email } };
		},
	);

	app.post(
		"/api/auth/sign-out",
		{
			schema: {
				tags: ["accounts"],
				summary: "End the session",
				response: { 200: SignedOutSchema },
			},
		},
		async (request, reply) => {
			const headers = await auth.api
				.signOut({ headers: toHeaders(request), returnHeaders: true })
				.then((result) => result.headers)
				.catch((error: unknown) => {
					// signing out without a session is already the wanted state
					if (error instanceof APIError && error.statusCode < 500)
						return new Headers();
					throw error;
				});
			forwardCookies(request, reply, headers);
			return { status: "signed_out" as const };
		},
	);

	app.get(
		"/api/auth/session",
		{
			schema: {
				tags: ["accounts"],
				summary: "The signed-in account, or null when signed out",
				response: { 200: SessionSchema },
			},
		},
		async (request) => {
			const session = await auth.api.getSession({
				headers: toHeaders(request),
			});
			return {
				user: session
					? { id: session.user.id, email: session.user.email }
					: null,
			};
		},
	);

	app.get(
		"/api/auth/token",
		{
			schema: {
				tags: ["accounts"],
				summary:
					"A 60-second session token of Clerk's shape for Authorization: Bearer",
				response: { 200: SessionTokenSchema, 401: ErrorBodySchema },
			},
		},
		async (request, reply) => {
			const { session, user } = await sessionOf(request);
			const now = Math.floor(Date.now() / 1000);
			const exp = now + TOKEN_LIFETIME_S;
			// azp is the page's origin, as in Clerk's tokens; it is checked against the authorized parties
			const azp =
				request.headers.origin ?? `${request.protocol}://${request.host}`;
			const { token } = await auth.api.signJWT({
				body: {
					payload: {
						sub: user.id,
						sid: session.id,
						azp,
						email: user.email,
						iat: now,
						nbf: now,
						exp,
					},
				},
			});
			reply.header("cache-control", "no-store");
			return { token, expires_at: new Date(exp * 1000).toISOString() };
		},
	);

	app.get(
		"/api/auth/jwks",
		{
			schema: {
				tags: ["accounts"],
				summary: "The public keys of local session tokens",
			},
		},
		async () => auth.api.getJwks(),
	);
};
