import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LANGUAGES, type Language } from "@app/contract";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type CoresUsed, withCoresUsed } from "./cpu.js";
import {
	type LoadOptions,
	type LoadResult,
	load,
	loadTogether,
	progress,
	warmUp,
} from "./load.js";
import {
	generateRealHistory,
	multiplyHistory,
	type Sql,
} from "./seed-history.js";
import {
	type Child,
	createBenchDatabase,
	startBareServer,
	startServer,
	type TokenIssuer,
} from "./server-process.js";

export type Engine = "pglite" | "postgres";

/** The learner whose history is read: this many challenges, most of them answered. */
export const HISTORY_CHALLENGES = 10_000;

/** What one engine serves, with the bare route measured just before at each connection count. */
export interface EngineFigures {
	engine: Engine;
	bare: Record<64 | 16 | 8, LoadResult>;
	quota: LoadResult;
	history20: LoadResult;
	history100: LoadResult;
	generate: Record<Language, LoadResult>;
	/** the share of those generations served from the offline generator's library */
	reusedShare: Record<Language, number>;
	historySize: number;
}

/** The bench's bearer token of GET /metrics. */
const METRICS_TOKEN = "bench-metrics-token-0123456789";

/** trainer_challenges_served_total by source, read from the server's metrics. */
async function servedBySource(url: string): Promise<Record<string, number>> {
	const response = await fetch(`${url}/metrics`, {
		headers: { authorization: `Bearer ${METRICS_TOKEN}` },
	});
	const text = await response.text();
	const served: Record<string, number> = {};
	for (const [, source, value] of text.matchAll(
		/^trainer_challenges_served_total\{source="(\w+)"\} (\S+)$/gm,
	))
		if (source) served[source] = Number(value);
	return served;
}

const users = (tokens: TokenIssuer, prefix: string, count: number) =>
	Promise.all(
		Array.from({ length: count }, (_, i) =>
			tokens.authorizationFor(`${prefix}_${i}`),
		),
	);

/** Gives the learner HISTORY_CHALLENGES challenges: real ones through HTTP, then copies in SQL. */
async function seedHistory(
	server: Child & { dataDir: string },
	tokens: TokenIssuer,
	userId: string,
	databaseUrl: string | undefined,
	restart: () => Promise<Child & { dataDir: string }>,
): Promise<{ server: Child & { dataDir: string }; size: number }> {
	await generateRealHistory(server.url, await tokens.authorizationFor(userId));
	if (databaseUrl) {
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			const sql: Sql = (text, params) => client.query(text, params);
			return {
				server,
				size: await multiplyHistory(sql, userId, HISTORY_CHALLENGES),
			};
		} finally {
			await client.end();
		}
	}
	// PGlite belongs to one process: stop the server, load its files here, start it again
	await server.stop();
	const db = new PGlite(join(server.dataDir, "pglite"));
	const sql: Sql = (text, params) =>
		db.query<Record<string, unknown>>(text, params);
	const size = await multiplyHistory(sql, userId, HISTORY_CHALLENGES);
	await db.close();
	return { server: await restart(), size };
}

/** Targets 1 to 3 on one engine, against a server process of its own on a fresh database. */
export async function measureEngine(
	engine: Engine,
	tokens: TokenIssuer,
	bare: Child,
): Promise<EngineFigures> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	const database =
		engine === "postgres" && adminUrl
			? await createBenchDatabase(adminUrl)
			: undefined;
	const dataDir = await mkdtemp(join(tmpdir(), "cct-bench-"));
	const start = () =>
		startServer({
			tokens,
			databaseUrl: database?.url,
			dataDir,
			env: { METRICS_TOKEN },
		});
	progress(`${engine}: starting the server`);
	let server = await start();
	try {
		progress(`${engine}: bare route, then GET /api/quota`);
		const bareFigures = {
			64: await load(bare.url, { connections: 64 }),
			16: await load(bare.url, { connections: 16 }),
			8: await load(bare.url, { connections: 8 }),
		};
		const quota = await load(`${server.url}/api/quota`, {
			connections: 64,
			authorizations: await users(tokens, `quota_${engine}`, 64),
		});

		progress(`${engine}: seeding ${HISTORY_CHALLENGES} challenges`);
		const historyUser = `history_${engine}`;
		const seeded = await seedHistory(
			server,
			tokens,
			historyUser,
			database?.url,
			start,
		);
		server = seeded.server;
		progress(`${engine}: GET /api/my-history`);
		const history = [await tokens.authorizationFor(historyUser)];
		const history20 = await load(`${server.url}/api/my-history?limit=20`, {
			connections: 64,
			authorizations: history,
		});
		const history100 = await load(`${server.url}/api/my-history?limit=100`, {
			connections: 16,
			authorizations: history,
		});

		const generate = {} as Record<Language, LoadResult>;
		const reusedShare = {} as Record<Language, number>;
		progress(`${engine}: POST /api/generate-challenge`);
		for (const language of LANGUAGES) {
			const before = await servedBySource(server.url);
			generate[language] = await load(`${server.url}/api/generate-challenge`, {
				connections: 8,
				method: "POST",
				body: JSON.stringify({ difficulty: "medium", language }),
				// a user may have only 2 generations in flight: one user per connection
				authorizations: await users(
					tokens,
					`generate_${engine}_${language}`,
					8,
				),
			});
			const after = await servedBySource(server.url);
			const moved = (source: string) =>
				(after[source] ?? 0) - (before[source] ?? 0);
			reusedShare[language] =
				moved("library") / (moved("library") + moved("generated") || 1);
		}
		return {
			engine,
			bare: bareFigures,
			quota,
			history20,
			history100,
			generate,
			reusedShare,
			historySize: seeded.size,
		};
	} finally {
		await server.stop();
		await database?.drop();
		await rm(dataDir, { recursive: true, force: true });
	}
}

export interface ScaleOutFigures {
	one: Measured;
	two: Measured;
	/** the same measure on the bare route: how far this machine lets any two processes scale */
	bareOne: LoadResult;
	bareTwo: LoadResult;
}

type Measured = LoadResult & { cores: CoresUsed };

/** A measure with the cores each party kept busy while it ran. */
async function measured(
	serverPids: number[],
	measure: () => Promise<LoadResult>,
): Promise<Measured> {
	const { result, cores } = await withCoresUsed(serverPids, measure);
	return { ...result, cores };
}

/** 64 connections on one process, then 32 + 32 on two (each warmed up first). */
async function oneThenTwo<R extends LoadResult>(
	[a, b]: [string, string],
	authorizations: string[] | undefined,
	measure: (run: () => Promise<LoadResult>) => Promise<R>,
): Promise<{ one: R; two: R }> {
	const one = await measure(() => load(a, { connections: 64, authorizations }));
	const half = (offset: number): LoadOptions => ({
		connections: 32,
		authorizations: authorizations?.slice(offset, offset + 32),
	});
	await warmUp(b, half(32));
	const two = await measure(() =>
		loadTogether([
			{ url: a, options: half(0) },
			{ url: b, options: half(32) },
		]),
	);
	return { one, two };
}

/**
 * Target 6: GET /api/quota from one server process, then from two on the same PostgreSQL; and
 * the same on the bare route, one process then two, as the ceiling this machine allows.
 */
export async function measureScaleOut(
	tokens: TokenIssuer,
	adminUrl: string,
	bare: Child,
): Promise<ScaleOutFigures> {
	progress("scale-out: starting two servers on one PostgreSQL");
	const database = await createBenchDatabase(adminUrl);
	const servers: Child[] = [];
	try {
		servers.push(await startServer({ tokens, databaseUrl: database.url }));
		servers.push(await startServer({ tokens, databaseUrl: database.url }));
		const [a, b] = servers as [Child, Child];
		const pids = [a.pid, b.pid];
		const quota = await oneThenTwo(
			[`${a.url}/api/quota`, `${b.url}/api/quota`],
			await users(tokens, "scale", 64),
			(run) => measured(pids, run),
		);
		progress("scale-out: the bare route, one process then two");
		servers.push(await startBareServer());
		const bareTwin = servers.at(-1) as Child;
		const bareFigures = await oneThenTwo(
			[bare.url, bareTwin.url],
			undefined,
			(run) => run(),
		);
		return {
			...quota,
			bareOne: bareFigures.one,
			bareTwo: bareFigures.two,
		};
	} finally {
		for (const server of servers) await server.stop();
		await database.drop();
	}
}
