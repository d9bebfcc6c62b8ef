import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** The asset of the fake web build, as the web app's hashed bundle would be named. */
export const ASSET = "/assets/app-abc123.js";

/**
 * A built web app in a temporary folder for a describe block: index.html and one hashed asset,
 * made before its tests and removed after. Read `web.root` inside tests.
 */
export function useWebBuild(): { root: string } {
	const web = { root: "" };
	beforeAll(async () => {
		web.root = await mkdtemp(join(tmpdir(), "cct-web-"));
		await mkdir(join(web.root, "assets"));
		await writeFile(
			join(web.root, "index.html"),
			"<!doctype html><title>trainer</title>",
		);
		await writeFile(join(web.root, ASSET), "console.log('app')");
	});
	afterAll(() => rm(web.root, { recursive: true, force: true }));
	return web;
}
