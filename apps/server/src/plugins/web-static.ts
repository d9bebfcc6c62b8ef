import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
	interface FastifyInstance {
		/** answers a page request with the web app (SPA fallback); false when it is not a page request or no build exists */
		serveWebApp(request: FastifyRequest, reply: FastifyReply): boolean;
	}
}

/** The same path from src/plugins (tsx) and dist/plugins (npm start). */
export const WEB_BUILD = fileURLToPath(
	new URL("../../../web/dist", import.meta.url),
);

const API_PREFIXES = ["/api/", "/webhooks/", "/docs"];

/**
 * Serves the built web app (apps/web/dist) on the API's origin: hashed assets cached for a year,
 * index.html for every other page URL so the client router can take it. Without a build (tests,
 * `npm run dev`, where Vite serves the app) it does nothing.
 */
const webStatic: FastifyPluginAsync<{ root?: string }> = async (
	app,
	{ root = WEB_BUILD },
) => {
	const built = existsSync(`${root}/index.html`);
	app.decorate(
		"serveWebApp",
		(request: FastifyRequest, reply: FastifyReply) => {
			const path = request.url.split("?")[0] ?? "";
			// a page URL: not the API, and no file extension (a missing asset stays a 404)
			const isPage =
				!API_PREFIXES.some((prefix) => path.startsWith(prefix)) &&
				!/\.[a-z0-9]+$/i.test(path);
			if (!built || request.method !== "GET" || !isPage) return false;
			reply.header("cache-control", "no-cache").sendFile("index.html");
			return true;
		},
	);
	if (!built) return;
	await app.register(fastifyStatic, {
		root,
		wildcard: false,
		index: false,
		setHeaders: (reply, filePath) => {
			const immutable = filePath.includes("/assets/");
			reply.header(
				"cache-control",
				immutable ? "public, max-age=31536000, immutable" : "no-cache",
			);
		},
	});
};

export default fp(webStatic, { name: "web-static" });
