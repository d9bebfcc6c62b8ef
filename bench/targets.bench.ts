import { LANGUAGES } from "@app/contract";
import { describeCores } from "./cpu.js";
import { DURATION_S, describe, type LoadResult } from "./load.js";
import { createTokenIssuer, startBareServer } from "./server-process.js";
import type { BenchRow, BenchTable } from "./table.js";
import {
	type EngineFigures,
	HISTORY_CHALLENGES,
	measureEngine,
	measureScaleOut,
	type ScaleOutFigures,
} from "./targets-http.js";
import {
	MEMORY_BUDGET_S,
	type MemoryFigures,
	measureMemory,
	measureSandboxStart,
	type StartFigures,
} from "./targets-memory.js";

/** GET /api/my-history?limit=100 at 16 connections on the original app, measured when the target was set. */
const ORIGINAL_HISTORY_RPS = 161;
const QUOTA_SHARE_OF_BARE = { postgres: 0.15, pglite: 0.05 };
const HISTORY_P99_MS = { postgres: 50, pglite: 100 };

const rps = (m: LoadResult) => `${Math.round(m.rps)} req/s`;
const mb = (value: number) => `${Math.round(value)} MB`;

function engineRows(f: EngineFigures): BenchRow[] {
	const { engine } = f;
	const share = QUOTA_SHARE_OF_BARE[engine];
	const historyP99 = HISTORY_P99_MS[engine];
	const quotaRatio = f.quota.rps / f.bare[64].rps;
	const rows: BenchRow[] = [
		{
			name: `GET /api/quota, 64 connections (${engine})`,
			value: Math.round(f.quota.rps),
			unit: "req/s",
			baseline: `bare route ${rps(f.bare[64])}`,
			ratio: quotaRatio,
			target: `≥ ${share}× bare, p99 < 100 ms`,
			pass: quotaRatio >= share && f.quota.p99 < 100 && !f.quota.failed,
			note: `${describe(f.quota)}; a user per connection`,
		},
		{
			name: `GET /api/my-history?limit=20, ${HISTORY_CHALLENGES.toLocaleString("en")} challenges, 64 connections (${engine})`,
			value: f.history20.p99,
			unit: "ms p99",
			baseline: `bare route p99 ${f.bare[64].p99} ms`,
			// autocannon counts whole milliseconds: a bare p99 of 0 gives no ratio
			ratio: f.bare[64].p99 ? f.history20.p99 / f.bare[64].p99 : undefined,
			target: `p99 < ${historyP99} ms`,
			pass: f.history20.p99 < historyP99 && !f.history20.failed,
			note: `${describe(f.history20)}; the user has ${f.historySize} challenges`,
		},
		{
			name: `GET /api/my-history?limit=100, 16 connections (${engine})`,
			value: Math.round(f.history100.rps),
			unit: "req/s",
			baseline: `original app ${ORIGINAL_HISTORY_RPS} req/s (fixed reference, not measured here)`,
			ratio: f.history100.rps / ORIGINAL_HISTORY_RPS,
			target: `≥ 2× original (≥ ${2 * ORIGINAL_HISTORY_RPS} req/s)`,
			pass:
				f.history100.rps >= 2 * ORIGINAL_HISTORY_RPS && !f.history100.failed,
			note: `${describe(f.history100)}; ${(f.history100.rps / f.bare[16].rps).toFixed(3)}× the bare route at 16 connections (${rps(f.bare[16])})`,
		},
	];
	for (const language of LANGUAGES) {
		const m = f.generate[language];
		rows.push({
			name: `POST /api/generate-challenge offline, ${language}, 8 connections (${engine})`,
			value: Math.round(m.rps),
			unit: "req/s",
			baseline: `bare route ${rps(f.bare[8])}`,
			ratio: m.rps / f.bare[8].rps,
			target: "≥ 150 req/s, p50 ≤ 50 ms",
			pass: m.rps >= 150 && m.p50 <= 50 && !m.failed,
			note: `${describe(m)}; medium; a user per connection; ${(100 * f.reusedShare[language]).toFixed(0)} % served from the library of challenges proven for another user (warm-up included)`,
		});
	}
	return rows;
}

function startRows(s: StartFigures): BenchRow[] {
	const limits = { python: 1000, javascript: 200 };
	return LANGUAGES.map((language) => ({
		name: `sandbox cold start to first ${language === "python" ? "print(1)" : "console.log(1)"}, ${language}`,
		value: s.cold[language],
		unit: "ms",
		baseline: `\`node -e\` start to output ${s.node.toFixed(0)} ms`,
		ratio: s.cold[language] / s.node,
		target: `≤ ${limits[language]} ms`,
		pass: s.cold[language] <= limits[language],
		note: "median of 5, a fresh createSandbox() each",
	}));
}

function memoryRows(m: MemoryFigures): BenchRow[] {
	const total = (r: MemoryFigures["idle"]) => r.server + r.sandbox;
	const idle = total(m.idle);
	const growth = (total(m.after10k) / total(m.after1k) - 1) * 100;
	const baseline = `bare Fastify process ${mb(m.bare)}`;
	const part = (name: string, value: number, note: string): BenchRow => ({
		name: `idle, of which ${name}`,
		value: Math.round(value),
		unit: "MB",
		ratio: value / idle,
		note,
	});
	return [
		{
			name: "RSS idle, both sandboxes warm: server + sandbox process (pglite)",
			value: Math.round(idle),
			unit: "MB",
			baseline,
			ratio: idle / m.bare,
			target: "< 600 MB",
			pass: idle < 600,
			note: `server ${mb(m.idle.server)}, sandbox process ${mb(m.idle.sandbox)}; ratios below are shares of this total`,
		},
		part(
			"PGlite",
			m.pglite,
			"RSS a fresh Node process gains by opening the server's PGlite files and counting the rows of its tables",
		),
		part(
			"the rest of the server process",
			m.idle.server - m.pglite,
			"Node, Fastify and the app: the server's RSS less PGlite's share",
		),
		part(
			"the sandbox process before any interpreter",
			m.sandboxBare,
			"a createSandbox() in the bench process, its child's RSS once it answers",
		),
		part(
			"JavaScript (QuickJS)",
			m.sandboxJs - m.sandboxBare,
			"that child's growth after a first console.log(1)",
		),
		part(
			"Python (Pyodide)",
			m.sandboxBoth - m.sandboxJs,
			"its further growth after a first print(1)",
		),
		{
			name: `RSS after ${m.madeFirst.toLocaleString("en")} offline generations (pglite)`,
			value: Math.round(total(m.after1k)),
			unit: "MB",
			baseline: `idle ${mb(idle)}`,
			ratio: total(m.after1k) / idle,
			note: `server ${mb(m.after1k.server)}, sandbox process ${mb(m.after1k.sandbox)}`,
		},
		{
			name: `RSS after ${m.made.toLocaleString("en")} offline generations (pglite)`,
			value: Math.round(total(m.after10k)),
			unit: "MB",
			baseline: `after ${m.madeFirst.toLocaleString("en")}: ${mb(total(m.after1k))}`,
			ratio: total(m.after10k) / total(m.after1k),
			target: "growth < 10 %",
			pass:
				growth < 10 &&
				m.madeFirst >= 1000 &&
				m.made >= 10_000 &&
				!m.failedGenerations,
			note: `${m.made < 10_000 ? `stopped short of 10,000 at the bench's budget of ${MEMORY_BUDGET_S} s (BENCH_MEMORY_BUDGET_S); ` : ""}growth ${growth.toFixed(1)} %; server ${mb(m.after10k.server)}, sandbox process ${mb(m.after10k.sandbox)}; 8 users, 8 at a time through HTTP${m.failedGenerations ? `; ${m.failedGenerations} failed` : ""}`,
		},
	];
}

/** Two processes on one PostgreSQL against one, and the bare route's own scale-out in the same window. */
function scaleOutRows(s: ScaleOutFigures | undefined): BenchRow[] {
	const name =
		"GET /api/quota, two server processes on one PostgreSQL, 32 + 32 connections";
	const target = "≥ 1.6× one process";
	if (!s)
		return [
			{
				name,
				value: Number.NaN,
				unit: "req/s",
				target,
				note: "not measured: TEST_DATABASE_URL is not set",
			},
		];
	const ratio = s.two.rps / s.one.rps;
	const bareRatio = s.bareTwo.rps / s.bareOne.rps;
	return [
		{
			name,
			value: Math.round(s.two.rps),
			unit: "req/s",
			baseline: `one process, 64 connections ${rps(s.one)}`,
			ratio,
			target,
			pass: ratio >= 1.6 && !s.two.failed,
			note: `${describe(s.two)}; ${describeCores(s.two.cores)}. One process: ${describe(s.one)}; ${describeCores(s.one.cores)}`,
		},
		{
			name: "the bare route, two processes at 32 + 32 connections (what this machine allows any two processes)",
			value: Math.round(s.bareTwo.rps),
			unit: "req/s",
			baseline: `one bare process, 64 connections ${rps(s.bareOne)}`,
			ratio: bareRatio,
			note: `the servers' scale-out is ${(ratio / bareRatio).toFixed(2)}× the bare route's on the same cores`,
		},
	];
}

/** The performance targets, each against a baseline measured in this run. */
export async function run(): Promise<BenchTable> {
	const tokens = createTokenIssuer();
	const bare = await startBareServer();
	try {
		// the sandbox starts first, on a quiet machine: nothing else runs yet
		const start = await measureSandboxStart();
		const memory = await measureMemory(tokens, bare);
		const engines = [await measureEngine("pglite", tokens, bare)];
		const adminUrl = process.env.TEST_DATABASE_URL;
		if (adminUrl) engines.push(await measureEngine("postgres", tokens, bare));
		const scaleOut = adminUrl
			? await measureScaleOut(tokens, adminUrl, bare)
			: undefined;
		// grouped by target, PostgreSQL first where both engines run
		const rows = [...engines].reverse().map(engineRows);
		const byTarget = (from: number, to: number) =>
			rows.flatMap((r) => r.slice(from, to));
		return {
			title: `Performance targets (server in its own process, autocannon ${DURATION_S} s each after a warm-up)`,
			baseline:
				"a bare Fastify route (one GET returning a small JSON, in its own process) measured in this run at the row's connections, unless the row names another",
			rows: [
				...byTarget(0, 1),
				...byTarget(1, 3),
				...byTarget(3, 5),
				...startRows(start),
				...memoryRows(memory),
				...scaleOutRows(scaleOut),
			],
		};
	} finally {
		await bare.stop();
	}
}
