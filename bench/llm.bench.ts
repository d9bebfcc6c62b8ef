import { createGenerator } from "@app/generator";
import { generateChallenge } from "@app/server/generate-challenge";
import { startBenchApp } from "./bench-app.js";
import { simulatedModel, WRONG_EVERY } from "./simulated-model.js";
import { type BenchTable, percentile } from "./table.js";

const MODEL_LATENCY_MS = 2000;
const REQUESTS = 12;
/** Ready challenges per cell in the pool-on run. */
const POOL_HITS = 8;

async function appWithPool(modelUrl: string, poolSize: number) {
	const { app, authorization, close } = await startBenchApp(
		`user_llm_${poolSize}`,
		{
			GENERATOR: "openai",
			OPENAI_BASE_URL: modelUrl,
			OPENAI_API_KEY: "sk-bench",
			POOL_SIZE: String(poolSize),
		},
	);
	await app.services.pool?.idle();
	// first requests compile schemas and import the key: warm the same path up before timing
	for (let i = 0; i < 3; i++) {
		await app.inject({
			method: "GET",
			url: "/api/quota",
			headers: { authorization },
		});
	}
	const request = { difficulty: "medium", language: "javascript" } as const;
	/** POST /api/generate-challenge through Fastify: token check, quota, pool or model, storage */
	const time = async () => {
		const started = performance.now();
		const response = await app.inject({
			method: "POST",
			url: "/api/generate-challenge",
			headers: { authorization },
			payload: request,
		});
		if (response.statusCode !== 200)
			throw new Error(`generate answered ${response.statusCode}`);
		return performance.now() - started;
	};
	/** the same, at the engine: the feature function the route calls, without HTTP and token */
	const engine = async () => {
		const started = performance.now();
		await generateChallenge(
			app.services,
			"user_llm_engine",
			{ ...request, topic: undefined },
			app.log,
		);
		return performance.now() - started;
	};
	return { time, engine, close };
}

/** The LLM provider against a simulated 2 s model: verification's corrections, and what the pool saves a user. */
export async function run(): Promise<BenchTable> {
	const { fake, truth, wrongServed } = await simulatedModel(MODEL_LATENCY_MS);
	const generator = createGenerator({
		kind: "openai",
		openai: { apiKey: "sk-bench", baseUrl: fake.url, model: "simulated" },
	});
	const results = await Promise.all(
		Array.from({ length: REQUESTS }, async (_, i) => {
			const started = performance.now();
			const result = await generator.generate({
				difficulty: "medium",
				language: i % 2 ? "python" : "javascript",
			});
			return { result, ms: performance.now() - started };
		}),
	);
	await generator.close();
	const wrong = wrongServed();
	const corrected = results.filter(
		(r) => r.result.challenge.verification === "corrected",
	).length;
	const right = results.filter(
		({ result: { challenge } }) =>
			challenge.options[challenge.correct_answer_id] === truth(challenge.code),
	).length;
	const engineP50 = percentile(
		results.map((r) => r.ms),
		50,
	);

	const samples = async (measure: () => Promise<number>, count: number) => {
		const times: number[] = [];
		for (let i = 0; i < count; i++) times.push(await measure());
		return times;
	};
	const poolOff = await appWithPool(fake.url, 0);
	const offSamples = await samples(poolOff.time, 3);
	await poolOff.close();
	// one cell holds POOL_HITS ready challenges: half served through HTTP, half at the engine
	const poolOn = await appWithPool(fake.url, POOL_HITS);
	const onSamples = await samples(poolOn.time, POOL_HITS / 2);
	const engineSamples = await samples(poolOn.engine, POOL_HITS / 2);
	await poolOn.close();
	await fake.close();

	const offP50 = percentile(offSamples, 50);
	const onP50 = percentile(onSamples, 50);
	const engineHitP50 = percentile(engineSamples, 50);
	return {
		title: `LLM provider against a simulated model (${MODEL_LATENCY_MS} ms per reply, 1 draft in ${WRONG_EVERY} wrongly marked)`,
		baseline:
			"POST /api/generate-challenge with the pool off (the user waits for the model)",
		rows: [
			{
				name: "engine generation p50",
				value: engineP50,
				unit: "ms",
				note: `${REQUESTS} challenges`,
			},
			{
				name: "challenges verification corrected",
				value: (100 * corrected) / REQUESTS,
				unit: "%",
				note: `${corrected} of ${REQUESTS}; the simulated model marked a wrong option on ${wrong}`,
			},
			{
				name: "served answers equal to the real output",
				value: (100 * right) / REQUESTS,
				unit: "%",
			},
			{ name: "generate, pool off, p50", value: offP50, unit: "ms", ratio: 1 },
			{
				name: "generate, pool hit, p50, at the engine",
				value: engineHitP50,
				unit: "ms",
				ratio: engineHitP50 / offP50,
				note: `${POOL_HITS / 2} hits; quota, claim and storage; target ≤ 20 ms`,
			},
			{
				name: "generate, pool hit, p50, through HTTP",
				value: onP50,
				unit: "ms",
				ratio: onP50 / offP50,
				note: `${POOL_HITS / 2} hits; adds the token check and Fastify`,
			},
		],
	};
}
