import type {
	FastifyPluginAsync,
	FastifyRequest,
	onRequestHookHandler,
} from "fastify";
import fp from "fastify-plugin";
import type { AuthUser, TokenVerifier } from "../auth/token-verifier.js";
import { unauthorized } from "../errors.js";

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

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Checks bearer tokens with the verifier it is given (Clerk's or local accounts', chosen by config). */
const authPlugin: FastifyPluginAsync<{ verifier: TokenVerifier }> = async (
	app,
	{ verifier },
) => {
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
		const user = await verifier.verify(token);
		users.set(request, user);
		// the request's later log lines, its completed line included, name the caller
		request.log = request.log.child({ userId: user.id });
	});
};

export default fp(authPlugin, { name: "auth" });
