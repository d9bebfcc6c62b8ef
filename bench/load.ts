import autocannon from "autocannon";

/** Seconds of each measured load; BENCH_DURATION_S shortens a trial run. */
export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
/** Seconds of the unmeasured load before each measure: JIT, pools and caches warm up. */
const WARM_UP_S = Math.min(3, DURATION_S);

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	/** answers other than 2xx */
	non2xx: number;
	/** connection errors and timeouts (autocannon's 10 s) */
	errors: number;
	/** both */
	failed: number;
}

export interface LoadOptions {
	connections: number;
	method?: "GET" | "POST";
	body?: string;
	/** one Authorization header per connection, cycled through (a user per connection) */
	authorizations?: string[];
}

function once(
	url: string,
	options: LoadOptions,
	seconds: number,
): Promise<LoadResult> {
	const { authorizations = [] } = options;
	let connection = 0;
	return autocannon({
		url,
		connections: options.connections,
		duration: seconds,
		method: options.method ?? "GET",
		body: options.body,
		headers: options.body ? { "content-type": "application/json" } : {},
		setupClient: (client) => {
			const authorization =
				authorizations[connection++ % authorizations.length];
			if (authorization)
				client.setHeaders({
					...(options.body ? { "content-type": "application/json" } : {}),
					authorization,
				});
		},
	}).then((result) => ({
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
		failed: result.non2xx + result.errors + result.timeouts,
	}));
}

/** Unmeasured load: JIT, pools and caches warm up. */
export async function warmUp(url: string, options: LoadOptions): Promise<void> {
	await once(url, options, WARM_UP_S);
}

/** autocannon against one URL: a short warm-up, then the measure. */
export async function load(
	url: string,
	options: LoadOptions,
): Promise<LoadResult> {
	await warmUp(url, options);
	return once(url, options, DURATION_S);
}

/** Several loads at once (no warm-up: the caller warmed each up), as one: requests summed, the worse latency. */
export async function loadTogether(
	loads: { url: string; options: LoadOptions }[],
): Promise<LoadResult> {
	const results = await Promise.all(
		loads.map(({ url, options }) => once(url, options, DURATION_S)),
	);
	return {
		rps: results.reduce((sum, r) => sum + r.rps, 0),
		p50: Math.max(...results.map((r) => r.p50)),
		p99: Math.max(...results.map((r) => r.p99)),
		non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
		errors: results.reduce((sum, r) => sum + r.errors, 0),
		failed: results.reduce((sum, r) => sum + r.failed, 0),
	};
}

export const describe = (m: LoadResult) =>
	`${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.non2xx ? `, ${m.non2xx} non-2xx` : ""}${m.errors ? `, ${m.errors} errors or timeouts` : ""}`;

const benchStarted = performance.now();

/** A line on stderr as a long run goes, so a slow step shows where it is. */
export function progress(message: string): void {
	const seconds = Math.round((performance.now() - benchStarted) / 1000);
	process.stderr.write(`[bench ${seconds} s] ${message}\n`);
}
