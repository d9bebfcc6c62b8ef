import type {
	Difficulty,
	GenerateChallengeInput,
	Language,
} from "@app/contract";
import {
	type GenerateRequest,
	type Generator,
	GeneratorError,
	ideaById,
} from "@app/generator";
import type { FastifyBaseLogger } from "fastify";
import type { Db, Tx } from "../../db/open-db.js";
import {
	AppError,
	invalidRequest,
	quotaExhausted,
	tooManyInFlight,
} from "../../errors.js";
import type { AppMetrics } from "../../metrics/app-metrics.js";
import {
	dueReview,
	latestStatement,
} from "../misconceptions/misconceptions.public.js";
import { type ChallengePool, claimPooled } from "../pool/pool.public.js";
import {
	MAX_IN_FLIGHT_PER_USER,
	nextResetAt,
	type QuotaPolicy,
	refundHold,
	settleHold,
	takeQuotaUnit,
} from "../quota/quota.public.js";
import {
	type ChallengeRow,
	insertChallenge,
	type NewChallenge,
} from "./challenges.repo.js";
import type { SeenVariants, VariantHistory } from "./seen-variants.js";

export interface GenerateDeps {
	db: Db;
	/** this server process: it owns the quota holds of the generations it runs */
	instanceId: string;
	generator: Generator;
	pool: ChallengePool | null;
	now: () => Date;
	quota: QuotaPolicy;
	/** what each user was served, so that nobody gets the same challenge twice */
	seenVariants: SeenVariants;
	/** counts quota units taken and given back, and where challenges came from */
	metrics: AppMetrics;
}

/** A generation that takes longer than this is abandoned and its unit refunded. */
const GENERATION_TIMEOUT_MS = 90_000;

/**
 * The language a request is for: the one it names, else its idea's, else Python. An idea that
 * does not exist, or is of another language than the one named, is the caller's mistake (400).
 */
function languageOf(input: GenerateChallengeInput): Language {
	if (!input.idea) return input.language ?? "python";
	const idea = ideaById(input.idea);
	if (!idea) throw invalidRequest(`idea: there is no idea "${input.idea}"`);
	if (input.language && input.language !== idea.language)
		throw invalidRequest(
			`idea: "${idea.id}" is an idea of ${idea.language}, not ${input.language}`,
		);
	return idea.language;
}

/**
 * Takes a quota unit, then serves a ready challenge from the pool or generates one, and stores
 * it. The unit is taken atomically before generating and given back if anything fails
 * (CONTRACT: POST /api/generate-challenge). A request for an idea is served on it; otherwise,
 * when one of the learner's misconceptions is due for review, the challenge may review its idea
 * (see review-schedule).
 */
export async function generateChallenge(
	deps: GenerateDeps,
	userId: string,
	input: GenerateChallengeInput,
	log: FastifyBaseLogger,
): Promise<ChallengeRow> {
	const cell = { difficulty: input.difficulty, language: languageOf(input) };
	const take = await takeQuotaUnit(
		deps.db,
		{ userId, owner: deps.instanceId },
		deps.quota,
		deps.now(),
	);
	if (!take.taken)
		throw take.reason === "in_flight"
			? tooManyInFlight(MAX_IN_FLIGHT_PER_USER)
			: quotaExhausted(nextResetAt(take.quota, deps.quota));
	deps.metrics.quotaUnit("taken");
	const { topic } = input;
	try {
		// a learner who asks for an idea or a topic gets it; reviews fill in the rest
		const reviewOf =
			input.idea || topic
				? null
				: await dueReview(deps.db, userId, cell, deps.now());
		const idea = input.idea ?? reviewOf ?? undefined;
		const history = await deps.seenVariants.of(deps.db, userId, cell);
		// the pool holds challenges on any topic and idea; one asked for is generated for it
		const pooled =
			deps.pool && !topic && !idea
				? await storeFromPool(deps, userId, cell, history, take.holdId)
				: undefined;
		if (pooled) {
			deps.metrics.challengesServed.inc({ source: "pool" });
			return pooled;
		}
		const probe = idea && (await latestStatement(deps.db, userId, idea));
		const generated = await storeGenerated(
			deps,
			userId,
			{
				...cell,
				topic,
				exclude: history.seen,
				recent: history.recent,
				...(idea ? { idea } : {}),
				...(probe ? { probe } : {}),
			},
			{ holdId: take.holdId, reviewOf },
			log,
		);
		return generated;
	} catch (error) {
		// false: the sweeper already refunded it, taking this process for dead
		if (await refundHold(deps.db, take.holdId))
			deps.metrics.quotaUnit("refunded");
		throw error;
	} finally {
		deps.pool?.refillSoon(cell);
	}
}

/** Claims a pooled challenge and stores it for the user in one transaction: a crash loses neither. */
function storeFromPool(
	deps: GenerateDeps,
	userId: string,
	cell: { difficulty: Difficulty; language: Language },
	history: VariantHistory,
	holdId: number,
): Promise<ChallengeRow | undefined> {
	return deps.db.transaction(async (tx) => {
		const pooled = await claimPooled(tx, cell, history);
		if (!pooled) return undefined;
		return store(tx, holdId, {
			userId,
			content: pooled.content,
			topic: null,
			variantKey: pooled.variantKey,
			diagnosis: pooled.diagnosis,
			reviewOf: null,
			createdAt: deps.now(),
		});
	});
}

async function storeGenerated(
	deps: GenerateDeps,
	userId: string,
	request: GenerateRequest,
	{ holdId, reviewOf }: { holdId: number; reviewOf: string | null },
	log: FastifyBaseLogger,
): Promise<ChallengeRow> {
	const result = await deps.generator
		.generate(request, AbortSignal.timeout(GENERATION_TIMEOUT_MS))
		.catch((error: unknown) => {
			throw asGeneratorFailure(error, log);
		});
	log.debug(
		{ report: result.report, verification: result.challenge.verification },
		"challenge generated",
	);
	const stored = await deps.db.transaction((tx) =>
		store(tx, holdId, {
			userId,
			content: result.challenge,
			topic: request.topic ?? null,
			variantKey: result.variantKey,
			diagnosis: result.diagnosis,
			reviewOf,
			createdAt: deps.now(),
		}),
	);
	deps.metrics.challengesServed.inc({
		source: result.report.reused ? "library" : "generated",
	});
	return stored;
}

async function store(tx: Tx, holdId: number, challenge: NewChallenge) {
	// the hold goes first: if another process refunded it (it took this one for dead), nothing is stored
	if (!(await settleHold(tx, holdId)))
		throw new AppError(
			503,
			"generator_unavailable",
			"The server was too slow to finish this challenge; your unit was given back, please try again",
		);
	return insertChallenge(tx, challenge);
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
