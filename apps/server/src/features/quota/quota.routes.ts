import { ErrorBodySchema, QuotaSchema } from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { QuotaPolicy } from "./quota.repo.js";
import { readQuota } from "./quota.repo.js";
import { toQuotaResponse } from "./to-response.js";

export const quotaRoutes: FastifyPluginAsyncZod<{
	quota: QuotaPolicy;
}> = async (app, { quota }) => {
	app.get(
		"/api/quota",
		{
			schema: {
				tags: ["quota"],
				summary: "The caller's remaining challenges and when they refill",
				security: [{ session: [] }],
				response: { 200: QuotaSchema, 401: ErrorBodySchema },
			},
		},
		async (request) =>
			toQuotaResponse(
				await readQuota(app.db, request.user.id, quota, app.now()),
				quota,
			),
	);
};
