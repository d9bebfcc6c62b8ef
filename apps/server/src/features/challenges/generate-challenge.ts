import type { GenerateChallengeRequest } from "@app/contract";
import {
	type GenerateResult,
	type Generator,
	GeneratorError,
} from "@app/generator";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/open-db.js";
import { AppError, quotaExhausted } from "../../errors.js";
import {
	nextResetAt,
	type QuotaPolicy,
	refundHold,
	settleHold,
	takeQuotaUnit,
} from "../quota/quota.repo.js";
import {
	type ChallengeRow,
	insertChallenge,
	seenVariantKeys,
} from "./challenges.repo.js";

export interface GenerateDeps {
	db: Db;
	generator: Generator;
	now: () => Date;
	quota: QuotaPolicy;
	log: FastifyBaseLogger;
}

/** A generation that takes longer than this is abandoned and its unit refunded. */
const GENERATION_TIMEOUT_MS = 90_000;
/** The original API had no language field; its challenges were Python. */
const DEFAULT_LANGUAGE = "python";

/**
 * Takes a quota unit, generates, stores: the unit is taken atomically before generating and is
 * given back if generation fails (CONTRACT: POST /api/generate-challenge).
 */
export async function generateChallenge(
	deps: GenerateDeps,
	userId: string,
	input: GenerateChallengeRequest,
): Promise<ChallengeRow> {
	const take = await takeQuotaUnit(deps.db, userId, deps.quota, deps.now());
	if (!take.taken) throw quotaExhausted(nextResetAt(take.quota, deps.quota));
	const topic = input.topic || null;
	const cell = {
		difficulty: input.difficulty,
		language: input.language ?? DEFAULT_LANGUAGE,
	};
	let result: GenerateResult;
	try {
		result = await deps.generator.generate(
			{
				...cell,
				topic: topic ?? undefined,
				exclude: await seenVariantKeys(deps.db, userId, cell),
			},
			AbortSignal.timeout(GENERATION_TIMEOUT_MS),
		);
	} catch (error) {
		await refundHold(deps.db, take.holdId);
		throw asGeneratorFailure(error, deps.log);
	}
	try {
		return await deps.db.transaction(async (tx) => {
			const row = await insertChallenge(tx, {
				userId,
				content: result.challenge,
				topic,
				variantKey: result.variantKey,
				createdAt: deps.now(),
			});
			await settleHold(tx, take.holdId);
			return row;
		});
	} catch (error) {
		await refundHold(deps.db, take.holdId);
		throw error;
	}
}

function asGeneratorFailure(error: unknown, log: FastifyBaseLogger): AppError {
	if (error instanceof GeneratorError) {
		log.warn({ err: error.cause ?? error }, "challenge generation failed");
		return error.failure === "unavailable"
			? new AppError(503, "generator_unavailable", error.message)
			: new AppError(502, "generator_failed", error.message);
	}
	if (error instanceof DOMException && error.name === "TimeoutError") {
		return new AppError(
			503,
			"generator_unavailable",
			"Generating the challenge took too long; please try again",
		);
	}
	log.error({ err: error }, "challenge generator crashed");
	return new AppError(
		502,
		"generator_failed",
		"The challenge could not be generated; please try again",
	);
}
