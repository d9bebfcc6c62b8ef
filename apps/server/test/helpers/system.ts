import type { TestApp } from "./build-test-app.js";

/** GET /api/health, with any headers (an Origin, for CORS). */
export const health = (t: TestApp, headers?: Record<string, string>) =>
	t.app.inject({ method: "GET", url: "/api/health", headers });

/** GET /api/config, the settings the web app reads at start. */
export const publicConfig = (t: TestApp) =>
	t.app.inject({ method: "GET", url: "/api/config" });
