import { createGenerator, type Generator } from "@app/generator";
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance } from "fastify";
import {
	serializerCompiler,
	validatorCompiler,
	type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import { type Database, openDb } from "./db/open-db.js";
import { challengesRoutes } from "./features/challenges/challenges.routes.js";
import poolPlugin from "./features/pool/pool-plugin.js";
import holdSweeper from "./features/quota/hold-sweeper.js";
import { quotaRoutes } from "./features/quota/quota.routes.js";
import { statsRoutes } from "./features/stats/stats.routes.js";
import { systemRoutes } from "./features/system/system.routes.js";
import { webhookRoutes } from "./features/webhooks/webhooks.routes.js";
import authPlugin from "./plugins/auth.js";
import dbPlugin from "./plugins/db.js";
import docsPlugin from "./plugins/docs.js";
import errorHandler from "./plugins/error-handler.js";
import generatorPlugin from "./plugins/generator.js";

/** The seams tests replace; each defaults to what config describes. */
export interface AppDeps {
	db?: Database;
	generator?: Generator;
	now?: () => Date;
}

/** Requests are small JSON documents; anything larger is refused with 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Headers that carry credentials; Fastify's logger never prints them. */
const REDACTED = [
	"req.headers.authorization",
	"req.headers.cookie",
	'req.headers["svix-signature"]',
	'res.headers["set-cookie"]',
];

/** Builds the whole application, ready to listen or to be injected into; it does not listen. */
export async function buildApp(
	config: Config,
	deps: AppDeps = {},
): Promise<FastifyInstance> {
	const app = Fastify({
		logger: {
			level: config.logLevel,
			redact: { paths: REDACTED, censor: "[redacted]" },
		},
		bodyLimit: BODY_LIMIT_BYTES,
	}).withTypeProvider<ZodTypeProvider>();
	app.setValidatorCompiler(validatorCompiler);
	app.setSerializerCompiler(serializerCompiler);

	await app.register(errorHandler);
	await app.register(cors, {
		origin: config.corsOrigins,
		credentials: true,
		methods: ["GET", "POST", "OPTIONS"],
		allowedHeaders: ["authorization", "content-type"],
	});
	await app.register(docsPlugin);

	await app.register(dbPlugin, {
		database: deps.db ?? (await openDb(config)),
		owned: !deps.db,
	});
	await app.register(generatorPlugin, {
		generator:
			deps.generator ??
			createGenerator({
				kind: config.generator.kind,
				openai: config.generator.openai,
			}),
		owned: !deps.generator,
		now: deps.now ?? (() => new Date()),
	});
	await app.register(authPlugin, { config });
	await app.register(holdSweeper);
	await app.register(poolPlugin, { size: config.generator.poolSize });

	await app.register(systemRoutes, { config });
	await app.register(webhookRoutes, { config });
	await app.register(async (api) => {
		api.addHook("onRequest", api.authenticate);
		await api.register(quotaRoutes, { quota: config.quota });
		await api.register(challengesRoutes, { quota: config.quota });
		await api.register(statsRoutes);
	});
	return app;
}
