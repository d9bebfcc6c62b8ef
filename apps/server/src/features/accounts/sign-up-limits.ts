import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import { rateLimited } from "../../errors.js";
import { databaseStore } from "../../rate-limit/database-store.js";

const HOUR_MS = 60 * 60_000;

/**
 * Each new account is granted QUOTA_INITIAL, which costs model credit: sign-ups are limited per
 * client and over everyone, per hour, on the database so that every server process shares the
 * limits. Every attempt counts, refused ones too (a weak password is judged after the limit,
 * since judging costs time). There is no account yet to pair the client with, so the client is
 * its address (an IPv6 /64), and the per-client default leaves room for a classroom behind one NAT.
 */
export async function signUpLimits(
	app: FastifyInstance,
	limits: Config["signUpLimits"],
): Promise<(request: FastifyRequest) => Promise<void>> {
	await app.register(rateLimit, {
		global: false,
		store: databaseStore(app.services.db, app.services.now),
	});
	// the plugin's own hook runs once per request, so two limits on one route go through createRateLimit
	const checks = [
		{
			limit: app.createRateLimit({
				max: limits.perClientPerHour,
				timeWindow: HOUR_MS,
				keyGenerator: (request) => `sign-up:client:${normalizeIP(request.ip)}`,
			}),
			detail: "Too many sign-ups from your network in the last hour",
		},
		{
			limit: app.createRateLimit({
				max: limits.perHour,
				timeWindow: HOUR_MS,
				keyGenerator: () => "sign-up:everyone",
			}),
			detail: "Too many new accounts on this server in the last hour",
		},
	];
	return async (request) => {
		for (const { limit, detail } of checks) {
			const result = await limit(request);
			if (!result.isAllowed && result.isExceeded) {
				const now = app.services.now();
				throw rateLimited(detail, new Date(now.getTime() + result.ttl), now);
			}
		}
	};
}
