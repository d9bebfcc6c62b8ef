import {
	AlreadyAnsweredBodySchema,
	AnswerRequestSchema,
	AnswerResponseSchema,
	ChallengeParamsSchema,
	ChallengeSchema,
	ErrorBodySchema,
	GenerateChallengeRequestSchema,
	HistoryExportQuerySchema,
	HistoryExportSchema,
	HistoryItemSchema,
	HistoryQuerySchema,
	type HistoryResponse,
	HistoryResponseSchema,
	QuotaExhaustedBodySchema,
} from "@app/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../errors.js";
import { answerChallenge } from "./answer-challenge.js";
import { allHistory, findHistoryItem } from "./challenges.repo.js";
import { historyCsv } from "./export-history.js";
import { generateChallenge } from "./generate-challenge.js";
import { createHistoryPages } from "./history-pages.js";
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

	const historyPageBody = createHistoryPages();
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
		async (request, reply) => {
			const body = await historyPageBody(
				app.services.db,
				request.user.id,
				request.query,
			);
			// the schema's value written already (history-pages.ts): Fastify sends bytes as they are
			return reply
				.type("application/json; charset=utf-8")
				.send(body as unknown as HistoryResponse);
		},
	);

	app.get(
		"/api/my-history/export",
		{
			schema: {
				tags: ["challenges"],
				summary:
					"All of the caller's challenges and answers, as a JSON or CSV download",
				security,
				querystring: HistoryExportQuerySchema,
				produces: ["application/json", "text/csv"],
				response: {
					200: HistoryExportSchema.or(z.string()),
					400: ErrorBodySchema,
					401: ErrorBodySchema,
				},
			},
		},
		async (request, reply) => {
			const items = (await allHistory(app.services.db, request.user.id)).map(
				toHistoryItem,
			);
			const { format } = request.query;
			const day = app.services.now().toISOString().slice(0, 10);
			reply.header(
				"content-disposition",
				`attachment; filename="challenge-history-${day}.${format}"`,
			);
			if (format === "json") return { challenges: items };
			return reply.type("text/csv; charset=utf-8").send(historyCsv(items));
		},
	);

	app.get(
		"/api/challenges/:id",
		{
			schema: {
				tags: ["challenges"],
				summary: "One of the caller's challenges, with its answer if any",
				security,
				params: ChallengeParamsSchema,
				response: {
					200: HistoryItemSchema,
					400: ErrorBodySchema,
					401: ErrorBodySchema,
					404: ErrorBodySchema,
				},
			},
		},
		async (request) => {
			const row = await findHistoryItem(
				app.services.db,
				request.user.id,
				request.params.id,
			);
			if (!row) throw notFound("Challenge");
			return toHistoryItem(row);
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
