import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DIFFICULTIES, LANGUAGES, type Language } from "@app/contract";
import { createSandbox } from "@app/generator/sandbox";
import { progress } from "./load.js";
import { childPids, rssMb, treeRssMb } from "./rss.js";
import { type Child, startServer, type TokenIssuer } from "./server-process.js";
import { percentile } from "./table.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const COLD_STARTS = 5;
const trivial = (language: Language) =>
	language === "python" ? "print(1)" : "console.log(1)";
const settle = (ms: number) =>
	new Promise((resolve) => setTimeout(resolve, ms));

export interface StartFigures {
	/** median ms from createSandbox() to the first result of a trivial snippet */
	cold: Record<Language, number>;
	/** median ms from spawning `node -e "console.log(1)"` to its output */
	node: number;
}

function nodeStart(): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ["-e", "console.log(1)"], {
			stdio: ["ignore", "pipe", "ignore"],
		});
		child.stdout.once("data", () => resolve(performance.now() - started));
		child.once("error", reject);
	});
}

/** Target 4: a fresh sandbox each time, to the first answer of print(1) / console.log(1). */
export async function measureSandboxStart(): Promise<StartFigures> {
	progress("sandbox cold starts");
	const cold = {} as Record<Language, number>;
	for (const language of LANGUAGES) {
		const samples: number[] = [];
		for (let i = 0; i < COLD_STARTS; i++) {
			const started = performance.now();
			const sandbox = createSandbox();
			await sandbox.run(language, trivial(language));
			samples.push(performance.now() - started);
			await sandbox.close();
		}
		cold[language] = percentile(samples, 50);
	}
	const node: number[] = [];
	for (let i = 0; i < COLD_STARTS; i++) node.push(await nodeStart());
	return { cold, node: percentile(node, 50) };
}

/** MB of the server process and of its sandbox process. */
export interface Rss {
	server: number;
	sandbox: number;
}

export interface MemoryFigures {
	idle: Rss;
	after1k: Rss;
	after10k: Rss;
	/** generations made by each reading: short of 1,000 and 10,000 when the budget ran out */
	madeFirst: number;
	made: number;
	failedGenerations: number;
	/** RSS a fresh process gains by opening the server's PGlite files and querying them */
	pglite: number;
	/** the sandbox process alone, then with JavaScript warm, then with both */
	sandboxBare: number;
	sandboxJs: number;
	sandboxBoth: number;
	/** the bare Fastify process, idle */
	bare: number;
}

async function rssOfServer(server: Child): Promise<Rss> {
	await settle(1000);
	const { own, children } = await treeRssMb(server.pid);
	return { server: own, sandbox: children };
}

/** Generations after which RSS is read; the growth between the two must stay under 10 %. */
export const MEMORY_MARKS = [1000, 10_000] as const;
/**
 * The memory run stops here even short of its last mark, to keep `npm run bench` bounded;
 * BENCH_MEMORY_BUDGET_S gives a slow server the time to reach it.
 */
export const MEMORY_BUDGET_S = Number(process.env.BENCH_MEMORY_BUDGET_S ?? 240);

/**
 * Offline generations through HTTP until `total` were made (or the deadline), one loop per user,
 * cycling languages and difficulties. Returns how many were made and how many failed.
 */
async function generate(
	url: string,
	authorizations: string[],
	from: number,
	total: number,
	deadline: number,
): Promise<{ made: number; failed: number }> {
	let next = from;
	let failed = 0;
	await Promise.all(
		authorizations.map(async (authorization) => {
			while (next < total && performance.now() < deadline) {
				const i = next++;
				const response = await fetch(`${url}/api/generate-challenge`, {
					method: "POST",
					headers: { authorization, "content-type": "application/json" },
					body: JSON.stringify({
						language: LANGUAGES[i % LANGUAGES.length],
						difficulty: DIFFICULTIES[Math.floor(i / 2) % DIFFICULTIES.length],
					}),
				});
				await response.arrayBuffer();
				if (!response.ok) failed += 1;
			}
		}),
	);
	return { made: next, failed };
}

/** RSS that a fresh Node process gains by opening these PGlite files (bench/pglite-rss.ts). */
async function pgliteShare(folder: string): Promise<number> {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		["--import", "tsx", join(ROOT, "bench/pglite-rss.ts"), folder],
		{ cwd: ROOT },
	);
	const { before, after } = JSON.parse(stdout) as {
		before: number;
		after: number;
	};
	return after - before;
}

/** The sandbox process's RSS as its interpreters load, one language at a time. */
async function sandboxBreakdown(): Promise<{
	bare: number;
	js: number;
	both: number;
}> {
	const before = new Set(await childPids(process.pid));
	const sandbox = createSandbox();
	try {
		await sandbox.warm([]);
		const pid = (await childPids(process.pid)).find((p) => !before.has(p));
		if (!pid) throw new Error("the sandbox process was not found");
		await settle(500);
		const bare = await rssMb(pid);
		await sandbox.run("javascript", trivial("javascript"));
		await settle(500);
		const js = await rssMb(pid);
		await sandbox.run("python", trivial("python"));
		await settle(500);
		return { bare, js, both: await rssMb(pid) };
	} finally {
		await sandbox.close();
	}
}

/** Target 5, on PGlite: idle with both sandboxes warm, then after 1,000 and 10,000 generations. */
export async function measureMemory(
	tokens: TokenIssuer,
	bare: Child,
): Promise<MemoryFigures> {
	progress("memory: starting the server on PGlite");
	const dataDir = await mkdtemp(join(tmpdir(), "cct-bench-"));
	try {
		// the first start creates and migrates the database; the idle figure is of a restart, as deployed
		await (await startServer({ tokens, dataDir })).stop();
		const pglite = await pgliteShare(join(dataDir, "pglite"));
		const server = await startServer({ tokens, dataDir });
		try {
			const idle = await rssOfServer(server);
			const authorizations = await Promise.all(
				Array.from({ length: 8 }, (_, i) =>
					tokens.authorizationFor(`memory_${i}`),
				),
			);
			const deadline = performance.now() + MEMORY_BUDGET_S * 1000;
			const [first, last] = MEMORY_MARKS;
			progress(`memory: ${first} generations`);
			const one = await generate(
				server.url,
				authorizations,
				0,
				first,
				deadline,
			);
			const after1k = await rssOfServer(server);
			progress(`memory: up to ${last} generations`);
			const two = await generate(
				server.url,
				authorizations,
				one.made,
				last,
				deadline,
			);
			const after10k = await rssOfServer(server);
			const sandbox = await sandboxBreakdown();
			return {
				idle,
				after1k,
				after10k,
				madeFirst: one.made,
				made: two.made,
				failedGenerations: one.failed + two.failed,
				pglite,
				sandboxBare: sandbox.bare,
				sandboxJs: sandbox.js,
				sandboxBoth: sandbox.both,
				bare: await rssMb(bare.pid),
			};
		} finally {
			await server.stop();
		}
	} finally {
		await rm(dataDir, { recursive: true, force: true });
	}
}
