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
import { alreadyAnswered, notFound } from "../../errors.js";
import type { QuotaPolicy } from "../quota/quota.repo.js";
import { findChallenge, historyPage, recordAnswer } from "./challenges.repo.js";
import { generateChallenge } from "./generate-challenge.js";
import {
	toAnswerResponse,
	toChallengeResponse,
	toHistoryItem,
} from "./to-response.js";

const security = [{ session: [] }];

export const challengesRoutes: FastifyPluginAsyncZod<{
	quota: QuotaPolicy;
}> = async (app, { quota }) => {
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
		async (request) => {
			const deps = {
				db: app.db,
				instanceId: app.instanceId,
				generator: app.generator,
				pool: app.pool,
				now: app.now,
				quota,
				log: request.log,
			};
			return toChallengeResponse(
				await generateChallenge(deps, request.user.id, request.body),
			);
		},
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
				app.db,
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
			const challenge = await findChallenge(
				app.db,
				request.user.id,
				request.params.id,
			);
			if (!challenge) throw notFound("Challenge");
			const result = await recordAnswer(
				app.db,
				challenge,
				request.body.answer_id,
				app.now(),
			);
			if (!result.recorded) throw alreadyAnswered(result.first.answerId);
			return toAnswerResponse(challenge, result.answer);
		},
	);
};
