import type {
	FastifyPluginAsync,
	FastifyRequest,
	onRequestHookHandler,
} from "fastify";
import fp from "fastify-plugin";
import { createClerkVerifier } from "../auth/clerk-verifier.js";
import type { AuthUser, TokenVerifier } from "../auth/token-verifier.js";
import type { Config } from "../config.js";
import { AppError, unauthorized } from "../errors.js";

declare module "fastify" {
	interface FastifyInstance {
		/** onRequest hook of the protected scope: verifies the bearer token and sets request.user */
		authenticate: onRequestHookHandler;
	}
	interface FastifyRequest {
		/** the verified caller; only readable inside the protected scope */
		readonly user: AuthUser;
	}
}

function verifierFor(config: Config): TokenVerifier | null {
	if (config.auth.provider === "clerk") {
		return createClerkVerifier({
			...config.auth.clerk,
			authorizedParties: config.auth.authorizedParties,
		});
	}
	return null;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const authPlugin: FastifyPluginAsync<{ config: Config }> = async (
	app,
	{ config },
) => {
	const verifier = verifierFor(config);
	const users = new WeakMap<FastifyRequest, AuthUser>();

	app.decorateRequest("user", {
		getter(this: FastifyRequest) {
			const user = users.get(this);
			if (!user)
				throw new Error(
					"request.user was read outside the authenticated scope",
				);
			return user;
		},
	});

	app.decorate("authenticate", async (request: FastifyRequest) => {
		if (!verifier) {
			throw new AppError(
				503,
				"auth_not_configured",
				"Sign-in is not configured on this server: set CLERK_JWT_KEY or CLERK_SECRET_KEY",
			);
		}
		const token = BEARER.exec(request.headers.authorization ?? "")?.[1];
		if (!token)
			throw unauthorized(
				"Missing bearer token: send Authorization: Bearer <session token>",
			);
		users.set(request, await verifier.verify(token));
	});
};

export default fp(authPlugin, { name: "auth" });
