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

	readonly httpRequests = this.#histogram(
		"http_request_duration_seconds",
		"HTTP requests by route pattern, method and status, with the time to answer them",
		["method", "route", "status_code"],
		REQUEST_BUCKETS,
	);

	readonly httpErrors = this.#counter(
		"http_errors_total",
		"Error answers by route pattern and the contract's error code",
		["route", "code"],
	);

	readonly signInFailures = this.#counter(
		"sign_in_failures_total",
		"Refused local sign-ins: wrong credentials, or refused by the sign-in limits",
		["reason"],
	);

	readonly rateLimitRefusals = this.#counter(
		"rate_limit_refusals_total",
		"Requests refused by a rate limit (sign-up, sign-in) or by the limit of generations in flight per user",
		["route", "code"],
	);

	readonly generations = this.#histogram(
		"generation_duration_seconds",
		"Challenge generations by provider, language and outcome (the verification, or failed, unavailable, aborted), with their duration",
		["provider", "language", "outcome"],
		REQUEST_BUCKETS,
	);

	readonly challengesServed = this.#counter(
		"challenges_served_total",
		"Challenges handed to learners, by where they came from: the pool of ready ones, generated for the request, or the offline library of ones proven before",
		["source"],
	);

	readonly modelAttempts = this.#counter(
		"model_requests_total",
		"HTTP attempts to the model server by status (none: no answer came) and whether the attempt was the SDK's retry",
		["status", "retry"],
	);

	readonly redrafts = this.#counter(
		"model_redrafts_total",
		"Drafts asked of the model again because its reply was unusable or its code did not run",
		["reason"],
	);

	readonly sandboxRuns = this.#histogram(
		"sandbox_run_duration_seconds",
		"Sandbox runs by language and result (ok, error, timeout, memory), with their duration",
		["language", "result"],
		SANDBOX_BUCKETS,
	);

	readonly quotaUnits = this.#counter(
		"quota_units_total",
		"Quota units taken for generations, refunded when one failed, and refunded after the process running it died",
		["event"],
	);

	readonly webhookDeliveries = this.#counter(
		"webhook_deliveries_total",
		"Clerk webhook deliveries by outcome: processed, duplicate, ignored, or the error code they were refused with",
		["outcome"],
	);

	#counter<L extends string>(name: string, help: string, labelNames: L[]) {
		return new Counter<L>({
			name: PREFIX + name,
			help,
			labelNames,
			registers: [this.registry],
		});
	}

	#histogram<L extends string>(
		name: string,
		help: string,
		labelNames: L[],
		buckets: number[],
	) {
		return new Histogram<L>({
			name: PREFIX + name,
			help,
			labelNames,
			buckets,
			registers: [this.registry],
		});
	}

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
