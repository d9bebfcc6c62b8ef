import {
	AlreadyAnsweredBodySchema,
	AnswerRequestSchema,
	AnswerResponseSchema,
	ChallengeParamsSchema,
	ChallengeSchema,
	ErrorBodySchema,
	GenerateChallengeRequestSchema,
	HistoryQuerySchema,
	HistoryResponseSchema,
	QuotaExhaustedBodySchema,
} from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { answerChallenge } from "./answer-challenge.js";
import { historyPage } from "./challenges.repo.js";
import { generateChallenge } from "./generate-challenge.js";
import {
	toAnswerResponse,
	toChallengeResponse,
	toHistoryItem,
} from "./to-response.js";

const security = [{ session: [] }];

export const challengesRoutes: FastifyPluginAsyncZod = async (app) => {
	app.post(
		"/api/generate-challenge",
		{
			schema: {
				tags: ["challenges"],
				summary: "Generate a challenge, taking one unit of quota",
				security,
				body: GenerateChallengeRequestSchema,
				response: {
					200: ChallengeSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
					// quota_exhausted, or too_many_in_flight
					429: QuotaExhaustedBodySchema.or(ErrorBodySchema),
					502: ErrorBodySchema,
					503: ErrorBodySchema,
				},
			},
		},
		async (request) =>
			toChallengeResponse(
				await generateChallenge(
					app.services,
					request.user.id,
					request.body,
					request.log,
				),
			),
	);

	app.get(
		"/api/my-history",
		{
			schema: {
				tags: ["challenges"],
				summary: "The caller's challenges, newest first, by pages",
				security,
				querystring: HistoryQuerySchema,
				response: {
					200: HistoryResponseSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
				},
			},
		},
		async (request) => {
			const { rows, nextCursor } = await historyPage(
				app.services.db,
				request.user.id,
				request.query,
			);
			return { challenges: rows.map(toHistoryItem), next_cursor: nextCursor };
		},
	);

	app.post(
		"/api/challenges/:id/answer",
		{
			schema: {
				tags: ["challenges"],
				summary: "Answer a challenge; the first answer is the one recorded",
				security,
				params: ChallengeParamsSchema,
				body: AnswerRequestSchema,
				response: {
					200: AnswerResponseSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
					404: ErrorBodySchema,
					409: AlreadyAnsweredBodySchema,
				},
			},
		},
		async (request) => {
			const { challenge, answer } = await answerChallenge(
				app.services,
				request.user.id,
				request.params.id,
				request.body.answer_id,
			);
			return toAnswerResponse(challenge, answer);
		},
	);
};
