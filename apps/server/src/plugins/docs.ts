import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI document at /docs/json and its interactive UI at /docs, built from the route schemas. */
const docsPlugin: FastifyPluginAsync = async (app) => {
	await app.register(swagger, {
		openapi: {
			info: {
				title: "Coding challenge trainer API",
				description:
					"Multiple-choice coding challenges whose answers are proven by running the code.",
				version: "1.0.0",
			},
			components: {
				securitySchemes: {
					session: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
				},
			},
		},
		transform: jsonSchemaTransform,
	});
	await app.register(swaggerUi, { routePrefix: "/docs" });
};

export default fp(docsPlugin, { name: "docs" });
