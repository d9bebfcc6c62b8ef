import { subscribe } from "@app/generator";
import {
	Counter,
	collectDefaultMetrics,
	Gauge,
	Histogram,
	Registry,
} from "prom-client";

/** Every metric of ours starts with this, so a shared Prometheus tells ours from the rest. */
const PREFIX = "trainer_";

/** Seconds: from a cached quota read (a millisecond) to a model generation (up to 90 s). */
const REQUEST_BUCKETS = [
	0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 90,
];
/** Seconds: a sandbox run is a millisecond when all is well and its time limit (2 s) when not. */
const SANDBOX_BUCKETS = [
	0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];

/** The depth of the pool of ready challenges, per cell, as the database holds it now. */
export type PoolDepths = () => Promise<
	{ difficulty: string; language: string; ready: number }[]
>;

/** What happened to a quota unit: taken for a generation, given back, or given back by the sweeper after its process died. */
export type QuotaEvent = "taken" | "refunded" | "refunded_after_crash";

/**
 * The server's metrics in one Prometheus registry of its own (not prom-client's global one: tests
 * build several apps in one process). Counters are per process; Prometheus sums them over the
 * processes it scrapes. The generator's sandbox runs, model calls and generations arrive on its
 * diagnostics channels (@app/generator telemetry), the rest from the code that does the work.
 */
export class AppMetrics {
	readonly registry = new Registry();

	readonly httpRequests = new Histogram({
		name: `${PREFIX}http_request_duration_seconds`,
		help: "HTTP requests by route pattern, method and status, with the time to answer them",
		labelNames: ["method", "route", "status_code"] as const,
		buckets: REQUEST_BUCKETS,
		registers: [this.registry],
	});

	readonly httpErrors = new Counter({
		name: `${PREFIX}http_errors_total`,
		help: "Error answers by route pattern and the contract's error code",
		labelNames: ["route", "code"] as const,
		registers: [this.registry],
	});

	readonly signInFailures = new Counter({
		name: `${PREFIX}sign_in_failures_total`,
		help: "Refused local sign-ins: wrong credentials, or refused by the sign-in limits",
		labelNames: ["reason"] as const,
		registers: [this.registry],
	});

	readonly rateLimitRefusals = new Counter({
		name: `${PREFIX}rate_limit_refusals_total`,
		help: "Requests refused by a rate limit (sign-up, sign-in) or by the limit of generations in flight per user",
		labelNames: ["route", "code"] as const,
		registers: [this.registry],
	});

	readonly generations = new Histogram({
		name: `${PREFIX}generation_duration_seconds`,
		help: "Challenge generations by provider, language and outcome (the verification, or failed, unavailable, aborted), with their duration",
		labelNames: ["provider", "language", "outcome"] as const,
		buckets: REQUEST_BUCKETS,
		registers: [this.registry],
	});

	readonly challengesServed = new Counter({
		name: `${PREFIX}challenges_served_total`,
		help: "Challenges handed to learners, by where they came from: the pool of ready ones, or generated for the request",
		labelNames: ["source"] as const,
		registers: [this.registry],
	});

	readonly modelAttempts = new Counter({
		name: `${PREFIX}model_requests_total`,
		help: "HTTP attempts to the model server by status (none: no answer came) and whether the attempt was the SDK's retry",
		labelNames: ["status", "retry"] as const,
		registers: [this.registry],
	});

	readonly redrafts = new Counter({
		name: `${PREFIX}model_redrafts_total`,
		help: "Drafts asked of the model again because its reply was unusable or its code did not run",
		labelNames: ["reason"] as const,
		registers: [this.registry],
	});

	readonly sandboxRuns = new Histogram({
		name: `${PREFIX}sandbox_run_duration_seconds`,
		help: "Sandbox runs by language and result (ok, error, timeout, memory), with their duration",
		labelNames: ["language", "result"] as const,
		buckets: SANDBOX_BUCKETS,
		registers: [this.registry],
	});

	readonly quotaUnits = new Counter({
		name: `${PREFIX}quota_units_total`,
		help: "Quota units taken for generations, refunded when one failed, and refunded after the process running it died",
		labelNames: ["event"] as const,
		registers: [this.registry],
	});

	readonly webhookDeliveries = new Counter({
		name: `${PREFIX}webhook_deliveries_total`,
		help: "Clerk webhook deliveries by outcome: processed, duplicate, ignored, or the error code they were refused with",
		labelNames: ["outcome"] as const,
		registers: [this.registry],
	});

	readonly #unsubscribe: (() => void)[];
	#poolDepths: PoolDepths | null = null;

	constructor() {
		const registry = this.registry;
		const metrics = this;
		new Gauge({
			name: `${PREFIX}pool_ready_challenges`,
			help: "Ready, verified challenges in the pool per cell, read from the database at scrape time (shared by all processes)",
			labelNames: ["difficulty", "language"] as const,
			registers: [registry],
			async collect() {
				this.reset();
				for (const cell of (await metrics.#poolDepths?.()) ?? [])
					this.set(
						{ difficulty: cell.difficulty, language: cell.language },
						cell.ready,
					);
			},
		});
		this.#unsubscribe = [
			subscribe("sandboxRun", (run) =>
				this.sandboxRuns.observe(
					{ language: run.language, result: run.result },
					run.durationMs / 1000,
				),
			),
			subscribe("generation", (generation) =>
				this.generations.observe(
					{
						provider: generation.provider,
						language: generation.language,
						outcome: generation.outcome,
					},
					generation.durationMs / 1000,
				),
			),
			subscribe("modelAttempt", (attempt) =>
				this.modelAttempts.inc({
					status: attempt.status === null ? "none" : String(attempt.status),
					retry: String(attempt.retry),
				}),
			),
			subscribe("redraft", (redraft) =>
				this.redrafts.inc({ reason: redraft.reason }),
			),
		];
	}

	/** The process's own metrics too (event-loop delay, heap and RSS, garbage collection, handles), under their usual names so that stock Node.js dashboards read them. */
	collectProcessMetrics(): void {
		collectDefaultMetrics({ register: this.registry });
	}

	/** Where the pool gauge reads its depths; without it the gauge is empty (no pool). */
	watchPool(depths: PoolDepths): void {
		this.#poolDepths = depths;
	}

	quotaUnit(event: QuotaEvent, units = 1): void {
		if (units > 0) this.quotaUnits.inc({ event }, units);
	}

	/** Stops listening to the generator's channels. */
	close(): void {
		for (const unsubscribe of this.#unsubscribe) unsubscribe();
	}
}
