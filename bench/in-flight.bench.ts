import autocannon from "autocannon";
import { onEveryEngine, startBenchApp } from "./bench-app.js";
import { simulatedModel } from "./simulated-model.js";
import type { BenchTable } from "./table.js";

/** Model calls kept in flight while quota reads are timed (4 users × their limit of 2). */
const IN_FLIGHT = 8;
/** Short, so that drafts arrive often and their checks overlap the quota reads. */
const MODEL_LATENCY_MS = 300;
const CONNECTIONS = 10;
const DURATION_S = 8;

async function quotaLatency(url: string, authorization: string) {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: DURATION_S,
		headers: { authorization },
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
	};
}

/**
 * GET /api/quota while IN_FLIGHT generations wait for a model and then check its drafts (parse,
 * sandbox runs, storage): the work done per draft must not stall other requests.
 */
async function measureEngine(
	engine: "pglite" | "postgres",
	databaseUrl?: string,
): Promise<BenchTable["rows"]> {
	const model = await simulatedModel(MODEL_LATENCY_MS);
	const bench = await startBenchApp(`user_inflight_${engine}`, {
		DATABASE_URL: databaseUrl,
		QUOTA_INITIAL: "100000000",
		GENERATOR: "openai",
		OPENAI_BASE_URL: model.fake.url,
		OPENAI_API_KEY: "sk-bench",
		POOL_SIZE: "0",
	});
	const base = await bench.app.listen({ port: 0, host: "127.0.0.1" });
	await bench.app.generator.warm();
	const quotaUrl = `${base}/api/quota`;
	await quotaLatency(quotaUrl, bench.authorization); // warms the route up
	const idle = await quotaLatency(quotaUrl, bench.authorization);

	let running = true;
	let generated = 0;
	let failed = 0;
	const generators = Array.from({ length: IN_FLIGHT }, async (_, i) => {
		const authorization = await bench.authorizationFor(
			`user_inflight_${engine}_${i % (IN_FLIGHT / 2)}`,
		);
		while (running) {
			const response = await fetch(`${base}/api/generate-challenge`, {
				method: "POST",
				headers: { authorization, "content-type": "application/json" },
				body: JSON.stringify({
					difficulty: "medium",
					language: i % 2 ? "python" : "javascript",
				}),
			});
			await response.arrayBuffer();
			if (response.ok) generated += 1;
			else failed += 1;
		}
	});
	const busy = await quotaLatency(quotaUrl, bench.authorization);
	running = false;
	await Promise.all(generators);
	await bench.close();
	await model.fake.close();

	const note = (m: typeof idle) =>
		`p50 ${m.p50} ms, max ${m.max} ms, ${Math.round(m.rps)} req/s`;
	return [
		{
			name: `GET /api/quota p99, nothing else running (${engine})`,
			value: idle.p99,
			unit: "ms",
			ratio: 1,
			note: note(idle),
		},
		{
			name: `GET /api/quota p99, ${IN_FLIGHT} model calls in flight (${engine})`,
			value: busy.p99,
			unit: "ms",
			ratio: busy.p99 / idle.p99,
			note: `${note(busy)}; ${generated} challenges generated, ${failed} failed; target p99 < 50 ms`,
		},
	];
}

export async function run(): Promise<BenchTable> {
	const rows = await onEveryEngine(measureEngine);
	return {
		title: `Quota reads while model calls are in flight (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s; a simulated model answering in ${MODEL_LATENCY_MS} ms)`,
		baseline: "GET /api/quota p99 on the same engine with nothing else running",
		rows,
	};
}
