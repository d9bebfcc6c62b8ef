import {
	ErrorBodySchema,
	HealthSchema,
	PublicConfigSchema,
} from "@app/contract";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.js";
import { AppError } from "../../errors.js";
import { overloaded } from "../../plugins/load-shedding.js";

export const systemRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (
	app,
	{ config },
) => {
	app.get(
		"/api/health",
		{
			schema: {
				tags: ["system"],
				summary:
					"Readiness: 200 once the database answers and both sandboxes are warm, 503 starting until then; 503 overloaded while the server sheds load",
				response: { 200: HealthSchema, 503: ErrorBodySchema },
			},
		},
		async (request) => {
			try {
				await app.services.db.execute(sql`select 1`);
			} catch (error) {
				request.log.error({ err: error }, "health check: database unreachable");
				throw new AppError(
					503,
					"database_unavailable",
					"The database is not reachable",
				);
			}
			// a load balancer sends nobody here before the first generation can run at full speed
			if (!app.sandboxesWarm())
				throw new AppError(
					503,
					"starting",
					"The server is starting: the code sandboxes are still loading",
				);
			// answered, not shed, under pressure: the load balancer sends no more until it has passed
			const overload = app.overload();
			if (overload) {
				const { measure, value, limit, unit } = overload;
				throw overloaded(
					config.overload.retryAfterS,
					`The server is overloaded: its ${measure} is ${value} ${unit}, over the limit of ${limit} ${unit}`,
				);
			}
			return { status: "ok" as const };
		},
	);

	app.get(
		"/api/config",
		{
			schema: {
				tags: ["system"],
				summary:
					"What the web app needs at run time: the sign-in provider and the generator",
				response: { 200: PublicConfigSchema },
			},
		},
		async () => ({
			auth: {
				provider: config.auth.provider,
				publishable_key:
					config.auth.provider === "clerk"
						? config.auth.clerk.publishableKey
						: null,
			},
			generator: config.generator.kind,
		}),
	);
};
