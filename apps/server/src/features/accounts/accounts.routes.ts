import {
	AccountSchema,
	DeleteAccountRequestSchema,
	ErrorBodySchema,
	SessionSchema,
	SessionTokenSchema,
	SignedOutSchema,
	SignInRequestSchema,
	SignUpRequestSchema,
} from "@app/contract";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.js";
import { instanceSecret } from "../../db/instance-secret.js";
import type { AccountsDeps, Credentials } from "./accounts-deps.js";
import { deleteAccount } from "./delete-account.js";
import type { LocalAuth } from "./local-auth.js";
import { issueSessionToken } from "./session-token.js";
import { signIn } from "./sign-in.js";
import { signInDevices } from "./sign-in-device.js";
import { signOut } from "./sign-out.js";
import { signUp } from "./sign-up.js";
import { signUpLimits } from "./sign-up-limits.js";

function toHeaders(request: FastifyRequest): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined)
			headers.set(name, Array.isArray(value) ? value.join(", ") : value);
	}
	return headers;
}

/** Hands the session's cookies to the browser, marked Secure when the request came over HTTPS. */
function sendCookies(
	request: FastifyRequest,
	reply: FastifyReply,
	cookies: string[],
): void {
	const sent = cookies.map((cookie) =>
		request.protocol === "https" && !/;\s*secure/i.test(cookie)
			? `${cookie}; Secure`
			: cookie,
	);
	if (sent.length) reply.header("set-cookie", sent);
}

const credentialsOf = (
	request: FastifyRequest,
	body: { email: string; password: string },
): Credentials => ({ ...body, headers: toHeaders(request), ip: request.ip });

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema };

/** Sign-up, sign-in, sign-out and session tokens of local accounts; registered only when AUTH_PROVIDER is local. */
export const accountsRoutes: FastifyPluginAsyncZod<{
	auth: LocalAuth;
	signUpLimits: Config["signUpLimits"];
}> = async (app, options) => {
	const { auth } = options;
	const deps: AccountsDeps = {
		...app.services,
		auth,
		devices: signInDevices(
			await instanceSecret(app.services.db, "sign-in-devices"),
		),
	};
	const limitSignUps = await signUpLimits(app, options.signUpLimits);

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
			const { account, cookies } = await signUp(
				deps,
				credentialsOf(request, request.body),
			);
			sendCookies(request, reply, cookies);
			return { user: account };
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
			const { account, cookies } = await signIn(
				deps,
				credentialsOf(request, request.body),
				request.log,
			);
			sendCookies(request, reply, cookies);
			return { user: account };
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
			sendCookies(request, reply, await signOut(deps, toHeaders(request)));
			return { status: "signed_out" as const };
		},
	);

	app.delete(
		"/api/auth/account",
		{
			schema: {
				tags: ["accounts"],
				summary:
					"Delete the signed-in account with all its challenges, answers and quota (password required)",
				body: DeleteAccountRequestSchema,
				response: {
					200: z.object({ status: z.literal("deleted") }),
					429: ErrorBodySchema,
					...errors,
				},
			},
		},
		async (request, reply) => {
			sendCookies(
				request,
				reply,
				await deleteAccount(
					deps,
					{ headers: toHeaders(request), ip: request.ip },
					request.body.password,
				),
			);
			return { status: "deleted" as const };
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
			const pageOrigin =
				request.headers.origin ?? `${request.protocol}://${request.host}`;
			const token = await issueSessionToken(
				deps,
				toHeaders(request),
				pageOrigin,
			);
			reply.header("cache-control", "no-store");
			return token;
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
