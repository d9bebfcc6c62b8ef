import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { noRoute } from "../errors.js";

/** The same path from src/plugins (tsx) and dist/plugins (npm start). */
export const WEB_BUILD = fileURLToPath(
	new URL("../../../web/dist", import.meta.url),
);

const API_PREFIXES = ["/api/", "/webhooks/", "/docs"];

/** Not the API, and no file extension: a missing asset stays a 404. */
function isPageUrl(url: string): boolean {
	const path = url.split("?")[0] ?? "";
	return (
		!API_PREFIXES.some((prefix) => path.startsWith(prefix)) &&
		!/\.[a-z0-9]+$/i.test(path)
	);
}

/**
 * Serves the built web app (apps/web/dist) on the API's origin: hashed assets cached for a year,
 * index.html for every other page URL so the client router can take it. Without a build (tests,
 * `npm run dev`, where Vite serves the app) it does nothing.
 */
const webStatic: FastifyPluginAsync<{ root?: string }> = async (
	app,
	{ root = WEB_BUILD },
) => {
	if (!existsSync(`${root}/index.html`)) return;
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
	// every other GET: a page URL gets the app, so the client router can take it
	app.get("/*", { schema: { hide: true } }, (request, reply) => {
		if (!isPageUrl(request.url)) throw noRoute(request.method, request.url);
		return reply.header("cache-control", "no-cache").sendFile("index.html");
	});
};

export default fp(webStatic, { name: "web-static" });
