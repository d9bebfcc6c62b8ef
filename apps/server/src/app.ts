import { createGenerator, type Generator, LOOK_WINDOW } from "@app/generator";
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance } from "fastify";
import {
	serializerCompiler,
	validatorCompiler,
	type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { verifierFor } from "./auth/verifier-for.js";
import type { Config } from "./config.js";
import { instanceSecret } from "./db/instance-secret.js";
import { type Database, openDb } from "./db/open-db.js";
import { pgliteMaintenanceJobs } from "./db/pglite-maintenance.js";
import { instanceJobs } from "./db/server-instances.js";
import { accountJobs } from "./features/accounts/accounts.jobs.js";
import { challengesRoutes } from "./features/challenges/challenges.routes.js";
import { SeenVariants } from "./features/challenges/seen-variants.js";
import { misconceptionsRoutes } from "./features/misconceptions/misconceptions.routes.js";
import {
	createChallengePool,
	poolDepths,
} from "./features/pool/pool.public.js";
import { quotaJobs } from "./features/quota/quota.jobs.js";
import { quotaRoutes } from "./features/quota/quota.routes.js";
import { statsRoutes } from "./features/stats/stats.routes.js";
import { systemRoutes } from "./features/system/system.routes.js";
import { deleteUser, provisionUser } from "./features/users/users.public.js";
import { webhookJobs } from "./features/webhooks/webhooks.jobs.js";
import { webhookRoutes } from "./features/webhooks/webhooks.routes.js";
import { type LogStream, loggerOptions } from "./logger.js";
import authPlugin from "./plugins/auth.js";
import backgroundTasks from "./plugins/background-tasks.js";
import clockPlugin from "./plugins/clock.js";
import dbPlugin from "./plugins/db.js";
import docsPlugin from "./plugins/docs.js";
import errorHandler, {
	clientErrorHandler,
	frameworkErrors,
} from "./plugins/error-handler.js";
import generatorPlugin from "./plugins/generator.js";
import instancePlugin from "./plugins/instance.js";
import loadShedding from "./plugins/load-shedding.js";
import metricsPlugin from "./plugins/metrics.js";
import requestLog, { requestLogOptions } from "./plugins/request-log.js";
import sweeper from "./plugins/sweeper.js";
import webStatic from "./plugins/web-static.js";
import { rateLimitJobs } from "./rate-limit/rate-limit.jobs.js";
import type { Services } from "./services.js";

/** The seams tests replace; each defaults to what config describes. */
export interface AppDeps {
	db?: Database;
	generator?: Generator;
	now?: () => Date;
	/** the built web app to serve; apps/web/dist by default */
	webRoot?: string;
	/** where log lines go; stdout by default */
	logStream?: LogStream;
}

/** Requests are small JSON documents; anything larger is refused with 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Time to receive a whole request (headers and body, not the answer): a client that trickles one
 * in, holding a connection, gets 408. Node checks it every 30 seconds, so it fires within 30-60 s.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Local accounts on the app's database; a new account's quota comes from the function Clerk's
 * webhook uses. Loaded only in local mode: better-auth and the password-strength dictionaries
 * are about 60 MB of a server's memory that a Clerk deployment never uses.
 */
async function localAccounts(app: FastifyInstance, config: Config) {
	const { createLocalAuth } = await import("./features/accounts/local-auth.js");
	return createLocalAuth({
		db: app.db,
		secret: await instanceSecret(app.db, "better-auth"),
		trustedOrigins: config.corsOrigins,
		onUserCreated: (userId) =>
			provisionUser(app.db, userId, config.quota, app.now()),
		onUserDeleted: (userId) => deleteUser(app.db, userId),
		log: (level, message) => app.log[level](message),
	});
}

/**
 * Ready challenges kept per cell for the model generator; offline generation takes milliseconds,
 * less than the pool's own round trips, so it has none.
 */
function challengePool(app: FastifyInstance, config: Config) {
	const { kind, poolSize } = config.generator;
	if (kind !== "openai" || poolSize === 0) return null;
	return createChallengePool({
		db: app.db,
		generator: app.generator,
		size: poolSize,
		now: app.now,
		log: app.log,
	});
}

/**
 * Fastify's form of TRUST_PROXY. Fastify ignores a bare hop count (it trusts no proxy for one), so
 * a count becomes the function proxy-addr calls for each hop, the nearest first.
 */
function proxyTrust(trust: Config["trustProxy"]) {
	if (typeof trust !== "number") return trust;
	return (_address: string, hop: number) => hop < trust;
}

/** Builds the whole application, ready to listen or to be injected into; it does not listen. */
export async function buildApp(
	config: Config,
	deps: AppDeps = {},
): Promise<FastifyInstance> {
	const app = Fastify({
		logger: loggerOptions(config, deps.logStream),
		bodyLimit: BODY_LIMIT_BYTES,
		requestTimeout: REQUEST_TIMEOUT_MS,
		// errors raised before any route runs get the same {detail, code} JSON as the rest
		frameworkErrors,
		clientErrorHandler,
		// X-Forwarded-* (client address, protocol, host) are believed only from the proxies TRUST_PROXY names
		trustProxy: proxyTrust(config.trustProxy),
		// a trusted proxy's X-Request-Id, and one "request completed" line per request
		...requestLogOptions(config),
	}).withTypeProvider<ZodTypeProvider>();
	app.setValidatorCompiler(validatorCompiler);
	app.setSerializerCompiler(serializerCompiler);

	await app.register(errorHandler);
	await app.register(requestLog);
	// before any route, so that its hooks see every request
	await app.register(metricsPlugin, { token: config.metricsToken });
	await app.register(cors, {
		origin: config.corsOrigins,
		credentials: true,
		methods: ["GET", "POST", "OPTIONS"],
		allowedHeaders: ["authorization", "content-type"],
	});
	// after cors, so that a browser can read the 503; before auth, so that a shed request costs nothing
	await app.register(loadShedding, { limits: config.overload });
	await app.register(docsPlugin);

	const database = deps.db ?? (await openDb(config, app.log));
	await app.register(dbPlugin, { database, owned: !deps.db });
	await app.register(clockPlugin, { now: deps.now });
	await app.register(instancePlugin, { engine: database.engine });
	await app.register(generatorPlugin, {
		generator:
			deps.generator ??
			createGenerator({
				kind: config.generator.kind,
				openai: config.generator.openai,
			}),
		owned: !deps.generator,
	});
	const localAuth =
		config.auth.provider === "local" ? await localAccounts(app, config) : null;
	await app.register(authPlugin, {
		verifier: verifierFor(
			config,
			localAuth && (async () => (await localAuth.api.getJwks()).keys),
		),
	});

	const services: Services = {
		db: app.db,
		now: app.now,
		generator: app.generator,
		pool: challengePool(app, config),
		instanceId: app.instanceId,
		quota: config.quota,
		seenVariants: new SeenVariants(LOOK_WINDOW),
		metrics: app.metrics,
	};
	if (services.pool) app.metrics.watchPool(() => poolDepths(app.db));
	app.decorate("services", services);
	await app.register(sweeper, {
		jobs: [
			...quotaJobs(app.db, app.log, app.metrics),
			...instanceJobs(app.db),
			...webhookJobs(app.db),
			...accountJobs(app.db),
			...rateLimitJobs(app.db),
			...pgliteMaintenanceJobs(database),
		],
	});
	await app.register(backgroundTasks, {
		tasks: services.pool ? [services.pool] : [],
	});

	await app.register(systemRoutes, { config });
	await app.register(webhookRoutes, { config });
	// in Clerk mode the local account routes do not exist
	if (localAuth) {
		const { accountsRoutes } = await import(
			"./features/accounts/accounts.routes.js"
		);
		await app.register(accountsRoutes, {
			auth: localAuth,
			signUpLimits: config.signUpLimits,
		});
	}
	await app.register(async (api) => {
		api.addHook("onRequest", api.authenticate);
		await api.register(quotaRoutes);
		await api.register(challengesRoutes);
		await api.register(statsRoutes);
		await api.register(misconceptionsRoutes);
	});
	// last: its page fallback answers the GETs no route above took
	await app.register(webStatic, { root: deps.webRoot });
	return app;
}
