import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "@app/server/app";
import { type Config, type Env, loadConfig } from "@app/server/config";
import type { FastifyInstance } from "fastify";
import { createTokenIssuer } from "./server-process.js";

export interface BenchApp {
	app: FastifyInstance;
	config: Config;
	/** Authorization header of a Clerk-shaped session token for one bench user */
	authorization: string;
	/** the same for another user (a user may have only 2 generations in flight) */
	authorizationFor(userId: string): Promise<string>;
	close(): Promise<void>;
}

/** The real app in Clerk mode on a throwaway data folder, with a token signed by a key made for the run. */
export async function startBenchApp(
	userId: string,
	env: Env = {},
): Promise<BenchApp> {
	const dataDir = await mkdtemp(join(tmpdir(), "cct-bench-"));
	const issuer = createTokenIssuer();
	const config = loadConfig({
		DATA_DIR: dataDir,
		LOG_LEVEL: "silent",
		CLERK_JWT_KEY: issuer.publicPem,
		...env,
	});
	const app = await buildApp(config);
	await app.ready();
	const { authorizationFor } = issuer;
	return {
		app,
		config,
		authorization: await authorizationFor(userId),
		authorizationFor,
		close: async () => {
			await app.close();
			await rm(dataDir, { recursive: true, force: true });
		},
	};
}

/** Runs a measure on PGlite, then on PostgreSQL when TEST_DATABASE_URL is set, and joins the rows. */
export async function onEveryEngine<Row>(
	measure: (
		engine: "pglite" | "postgres",
		databaseUrl?: string,
	) => Promise<Row[]>,
): Promise<Row[]> {
	const rows = await measure("pglite");
	const url = process.env.TEST_DATABASE_URL;
	if (url) rows.push(...(await measure("postgres", url)));
	return rows;
}
