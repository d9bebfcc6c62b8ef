import { ErrorBodySchema, QuotaSchema } from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fastSerializerCompiler } from "../../plugins/fast-serializer.js";
import { readQuota } from "./quota.repo.js";
import { toQuotaResponse } from "./to-response.js";

export const quotaRoutes: FastifyPluginAsyncZod = async (app) => {
	const { db, now, quota } = app.services;
	app.get(
		"/api/quota",
		{
			serializerCompiler: fastSerializerCompiler,
			schema: {
				tags: ["quota"],
				summary: "The caller's remaining challenges and when they refill",
				security: [{ session: [] }],
				response: { 200: QuotaSchema, 401: ErrorBodySchema },
			},
		},
		async (request) =>
			toQuotaResponse(
				await readQuota(db, request.user.id, quota, now()),
				quota,
			),
	);
};
