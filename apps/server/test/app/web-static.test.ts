import { describe, expect, it } from "vitest";
import { buildTestApp, useTestContext } from "../helpers/build-test-app.js";
import { useWebBuild } from "../helpers/web-build.js";

describe("serving the web app", () => {
	const context = useTestContext("pglite");
	const web = useWebBuild();

	it.each(["/", "/history", "/sign-in", "/progress?x=1"])(
		"answers the page %s with index.html, not cached",
		async (url) => {
			const t = await buildTestApp(context, { webRoot: web.root });
			const response = await t.app.inject({ method: "GET", url });
			expect(response.statusCode).toBe(200);
			expect(response.headers["content-type"]).toContain("text/html");
			expect(response.headers["cache-control"]).toBe("no-cache");
			expect(response.body).toContain("<title>trainer</title>");
		},
	);

	it("serves hashed assets as immutable", async () => {
		const t = await buildTestApp(context, { webRoot: web.root });
		const response = await t.app.inject({
			method: "GET",
			url: "/assets/app-abc123.js",
		});
		expect(response.statusCode).toBe(200);
		expect(response.headers["cache-control"]).toContain("immutable");
	});

	it.each([
		["GET", "/api/nope"],
		["GET", "/webhooks/nope"],
		["POST", "/history"],
		["GET", "/assets/missing.js"],
	])("keeps %s %s a JSON 404", async (method, url) => {
		const t = await buildTestApp(context, { webRoot: web.root });
		const response = await t.app.inject({ method: method as "GET", url });
		expect(response.statusCode).toBe(404);
		expect(response.json()).toMatchObject({ code: "not_found" });
	});

	it("answers page URLs with a JSON 404 when no web build exists", async () => {
		const t = await buildTestApp(context);
		const response = await t.app.inject({ method: "GET", url: "/history" });
		expect(response.statusCode).toBe(404);
		expect(response.json()).toMatchObject({ code: "not_found" });
	});
});
