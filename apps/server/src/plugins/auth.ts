import type {
	FastifyPluginAsync,
	FastifyRequest,
	onRequestHookHandler,
} from "fastify";
import fp from "fastify-plugin";
import { createClerkVerifier } from "../auth/clerk-verifier.js";
import { createLocalVerifier } from "../auth/local-verifier.js";
import type { AuthUser, TokenVerifier } from "../auth/token-verifier.js";
import type { Config } from "../config.js";
import { unauthorized } from "../errors.js";
import type { LocalAuth } from "../features/accounts/local-auth.js";

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

function verifierFor(
	config: Config,
	localAuth: LocalAuth | null,
): TokenVerifier {
	if (localAuth) {
		return createLocalVerifier(
			async () => (await localAuth.api.getJwks()).keys,
			config.auth.authorizedParties,
		);
	}
	return createClerkVerifier({
		...config.auth.clerk,
		authorizedParties: config.auth.authorizedParties,
	});
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

interface AuthPluginOptions {
	config: Config;
	/** present in local mode: its keys verify local session tokens */
	localAuth: LocalAuth | null;
}

const authPlugin: FastifyPluginAsync<AuthPluginOptions> = async (
	app,
	{ config, localAuth },
) => {
	const verifier = verifierFor(config, localAuth);
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
		const token = BEARER.exec(request.headers.authorization ?? "")?.[1];
		if (!token)
			throw unauthorized(
				"Missing bearer token: send Authorization: Bearer <session token>",
			);
		users.set(request, await verifier.verify(token));
	});
};

export default fp(authPlugin, { name: "auth" });
