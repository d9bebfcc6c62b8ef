import {
	ErrorBodySchema,
	MisconceptionsQuerySchema,
	MisconceptionsResponseSchema,
} from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ideaRef } from "../challenges/challenges.public.js";
import { chosenMisconceptions, ideaSummaries } from "./misconceptions.repo.js";

export const misconceptionsRoutes: FastifyPluginAsyncZod = async (app) => {
	app.get(
		"/api/misconceptions",
		{
			schema: {
				tags: ["misconceptions"],
				summary:
					"The caller's misconceptions (open or resolved) and accuracy by idea",
				description:
					"A misconception is open until the caller answers the last two challenges on its idea right.",
				security: [{ session: [] }],
				querystring: MisconceptionsQuerySchema,
				response: {
					200: MisconceptionsResponseSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
				},
			},
		},
		async (request) => {
			const { db } = app.services;
			const userId = request.user.id;
			const ideas = await ideaSummaries(db, userId);
			const resolved = new Set(
				ideas.filter((idea) => idea.resolved).map((idea) => idea.idea),
			);
			const page = await chosenMisconceptions(db, userId, request.query);
			return {
				misconceptions: page.rows.map(({ misconception, times, lastAt }) => ({
					...misconception,
					idea_name: ideaRef(misconception.idea).name,
					times,
					last_at: lastAt.toISOString(),
					status: resolved.has(misconception.idea)
						? ("resolved" as const)
						: ("open" as const),
				})),
				next_offset: page.more
					? request.query.offset + request.query.limit
					: null,
				ideas: ideas.map((idea) => ({
					idea: idea.idea,
					idea_name: ideaRef(idea.idea).name,
					answered: idea.answered,
					correct: idea.correct,
				})),
			};
		},
	);
};
