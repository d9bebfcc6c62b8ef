import { describe, expect, it } from "vitest";
import {
	buildTestApp,
	newUserId,
	type TestApp,
	useTestContext,
	waitUntilWarm,
} from "../helpers/build-test-app.js";
import { quota } from "../helpers/practice.js";
import { deliver, signedEvent } from "../helpers/svix.js";
import { health } from "../helpers/system.js";
import { useWebBuild } from "../helpers/web-build.js";

/** Keeps the event loop busy for the time given, as a request doing heavy synchronous work would. */
function blockEventLoop(ms: number) {
	const end = performance.now() + ms;
	while (performance.now() < end);
}

/** under-pressure samples once a second: poll until a sample has seen what the test caused. */
const SAMPLED = { interval: 50, timeout: 20_000 };

/**
 * Load shedding (CONTRACT: overload → 503 {detail, code: "overloaded"} with Retry-After). The
 * limits are set far below what the process uses, so that the real sampler sees them passed.
 */
describe("load shedding", () => {
	const context = useTestContext("pglite");
	const web = useWebBuild();

	const get = (t: TestApp, url: string) => t.app.inject({ method: "GET", url });

	it("answers the API 503 overloaded with Retry-After past the heap limit, before authentication, and /api/health reports it", async () => {
		const t = await buildTestApp(context, {
			webRoot: web.root,
			env: { OVERLOAD_MAX_HEAP_MB: 1, OVERLOAD_RETRY_AFTER_S: 7 },
		});
		await waitUntilWarm(t.app);
		const headers = await t.auth(newUserId());
		await expect
			.poll(async () => (await quota(t, headers)).statusCode, SAMPLED)
			.toBe(503);

		const shed = await quota(t, headers);
		expect(shed.json()).toEqual({
			detail: "The server is overloaded; try again in 7 seconds",
			code: "overloaded",
		});
		expect(shed.headers["retry-after"]).toBe("7");
		// a browser on an allowed origin can read it
		const fromBrowser = await quota(t, {
			...headers,
			origin: "http://localhost:5173",
		});
		expect(fromBrowser.statusCode).toBe(503);
		expect(fromBrowser.headers["access-control-allow-origin"]).toBe(
			"http://localhost:5173",
		);
		// refused before the token is even checked: no token is a 503 too, not a 401
		expect((await quota(t, {})).json()).toMatchObject({ code: "overloaded" });
		// Svix delivers the webhook again later
		const webhook = await deliver(
			t,
			signedEvent({ type: "user.created", data: { id: newUserId() } }),
		);
		expect(webhook.statusCode).toBe(503);
		expect(webhook.json()).toMatchObject({ code: "overloaded" });

		const reported = await health(t);
		expect(reported.statusCode).toBe(503);
		expect(reported.headers["retry-after"]).toBe("7");
		expect(reported.json()).toMatchObject({ code: "overloaded" });
		expect(reported.json().detail).toMatch(
			/heap used is \d+ MB, over the limit of 1 MB/,
		);

		// the web app's files, the docs and unknown URLs are still answered as usual
		expect((await get(t, "/")).statusCode).toBe(200);
		expect((await get(t, "/assets/app-abc123.js")).statusCode).toBe(200);
		expect((await get(t, "/docs/json")).statusCode).toBe(200);
		const unknown = await get(t, "/api/nope");
		expect(unknown.statusCode).toBe(404);
		expect(unknown.json()).toMatchObject({ code: "not_found" });
	});

	it("sheds while the event loop is delayed past its limit, and takes requests again once it is not", async () => {
		const t = await buildTestApp(context, {
			env: { OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 20 },
		});
		await waitUntilWarm(t.app);
		const headers = await t.auth(newUserId());
		await expect
			.poll(async () => {
				blockEventLoop(300);
				const [checked, shed] = await Promise.all([
					health(t),
					quota(t, headers),
				]);
				return [checked.json().code, shed.json().code];
			}, SAMPLED)
			.toEqual(["overloaded", "overloaded"]);

		await expect
			.poll(async () => (await health(t)).statusCode, SAMPLED)
			.toBe(200);
		const served = await quota(t, headers);
		expect(served.statusCode).toBe(200);
	});

	it("never sheds by a limit set to 0", async () => {
		const t = await buildTestApp(context, {
			env: {
				OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 0,
				OVERLOAD_MAX_HEAP_MB: 0,
				OVERLOAD_MAX_RSS_MB: 0,
			},
		});
		await waitUntilWarm(t.app);
		// a sample has been taken once the heap is measured
		await expect
			.poll(() => t.app.memoryUsage().heapUsed, SAMPLED)
			.toBeGreaterThan(0);
		expect(t.app.overload()).toBeNull();
		expect((await health(t)).statusCode).toBe(200);
		expect((await quota(t, await t.auth(newUserId()))).statusCode).toBe(200);
	});
});
