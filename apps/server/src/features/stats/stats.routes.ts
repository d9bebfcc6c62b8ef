import { ErrorBodySchema, StatsSchema } from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { userStats } from "./stats.repo.js";

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
	app.get(
		"/api/stats",
		{
			schema: {
				tags: ["stats"],
				summary:
					"The caller's totals, accuracy by difficulty and answering streak",
				security: [{ session: [] }],
				response: { 200: StatsSchema, 401: ErrorBodySchema },
			},
		},
		async (request) =>
			userStats(app.services.db, request.user.id, app.services.now()),
	);
};
