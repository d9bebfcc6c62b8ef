import autocannon from "autocannon";
import { onEveryEngine, startBenchApp } from "./bench-app.js";
import type { BenchTable } from "./table.js";

const DURATION_S = 5;
const CONNECTIONS = 10;

async function measure(url: string, options: Partial<autocannon.Options> = {}) {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: DURATION_S,
		...options,
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.non2xx,
	};
}

/** HTTP throughput of the API on one engine, against GET /api/health (a database round trip, no auth). */
async function measureEngine(
	engine: "pglite" | "postgres",
	databaseUrl?: string,
): Promise<BenchTable["rows"]> {
	const bench = await startBenchApp(`user_bench_${engine}`, {
		DATABASE_URL: databaseUrl,
		QUOTA_INITIAL: "100000000",
	});
	const base = await bench.app.listen({ port: 0, host: "127.0.0.1" });
	await bench.app.generator.warm();
	const headers = {
		authorization: bench.authorization,
		"content-type": "application/json",
	};

	const health = await measure(`${base}/api/health`);
	const quota = await measure(`${base}/api/quota`, { headers });
	// one user per connection: a user may have only 2 generations in flight
	const perConnection = await Promise.all(
		Array.from({ length: CONNECTIONS }, (_, i) =>
			bench.authorizationFor(`user_bench_${engine}_${i}`),
		),
	);
	let connection = 0;
	const generate = await measure(`${base}/api/generate-challenge`, {
		method: "POST",
		headers,
		body: JSON.stringify({ difficulty: "medium", language: "javascript" }),
		setupClient: (client) => {
			client.setHeaders({
				...headers,
				authorization: perConnection[connection++ % CONNECTIONS] ?? "",
			});
		},
	});
	await bench.close();

	const row = (name: string, m: typeof health) => ({
		name: `${name} (${engine})`,
		value: m.rps,
		unit: "req/s",
		ratio: m.rps / health.rps,
		note: `p50 ${m.p50} ms, p99 ${m.p99} ms${m.errors ? `, ${m.errors} non-2xx` : ""}`,
	});
	return [
		row("GET /api/health", health),
		row("GET /api/quota (token check + upsert)", quota),
		row("POST /api/generate-challenge (javascript, offline)", generate),
	];
}

export async function run(): Promise<BenchTable> {
	const rows = await onEveryEngine(measureEngine);
	return {
		title: `HTTP API (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each)`,
		baseline:
			"GET /api/health on the same engine (no auth, one database round trip)",
		rows,
	};
}
