import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, untilHealthy } from "../helpers/server-process.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SERVER = join(ROOT, "apps/server");

describe("the built server (node apps/server/dist/main.js)", () => {
	let copy: string;

	beforeAll(() => {
		// what `npm run build` does for the server and the packages it runs
		execFileSync("npx", ["tsc", "-b", "apps/server"], { cwd: ROOT });
		execFileSync(
			"npm",
			["run", "build", "-w", "packages/generator", "-w", "apps/server"],
			{ cwd: ROOT, stdio: "ignore" },
		);
		// dist alone, in a folder with no src beside it: nothing may reach back into the sources
		copy = mkdtempSync(join(SERVER, ".built-"));
		cpSync(join(SERVER, "dist"), join(copy, "dist"), { recursive: true });
	}, 180_000);

	afterAll(() => rmSync(copy, { recursive: true, force: true }));

	it("migrates its database and warms its sandboxes without the source tree", async () => {
		const server = await startServer(
			{ LOG_LEVEL: "info" },
			join(copy, "dist/main.js"),
		);
		await untilHealthy(server);
		const config = await fetch(`${server.base}/api/config`);
		expect(await config.json()).toMatchObject({
			auth: { provider: "local" },
			generator: "offline",
		});
	});
});
