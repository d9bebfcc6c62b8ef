import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Creating a cluster takes a few seconds; one that takes this long has failed. */
const INIT_TIMEOUT_MS = 120_000;

/**
 * Creates PGlite's cluster in `folder` in a short-lived child process, unless one exists. PGlite
 * runs initdb in a WebAssembly instance of its own whose memory grows to about 400 MB, and a
 * WebAssembly memory never shrinks: done in the server's process, it stayed in the server's
 * resident memory for good (760 MB instead of 310 MB measured here). The child gives it back
 * when it exits; the server then opens the cluster as it opens one from an earlier run.
 */
export async function createPgliteCluster(folder: string): Promise<void> {
	if (existsSync(join(folder, "PG_VERSION"))) return;
	const pglite = import.meta.resolve("@electric-sql/pglite");
	// plain JavaScript, so the child needs no TypeScript loader (tests and `npm run dev` run from sources)
	const program = `
		const { PGlite } = await import(${JSON.stringify(pglite)});
		const db = new PGlite(process.argv[1]);
		await db.waitReady;
		await db.close();
	`;
	await new Promise<void>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			["--input-type=module", "--eval", program, folder],
			{ stdio: ["ignore", "ignore", "pipe"], timeout: INIT_TIMEOUT_MS },
		);
		let stderr = "";
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (text: string) => {
			stderr = (stderr + text).slice(-2000);
		});
		child.once("error", reject);
		child.once("exit", (code, signal) => {
			if (code === 0) return resolve();
			reject(
				new Error(
					`creating the PGlite database in ${folder} failed (${signal ?? `exit code ${code}`}): ${stderr.trim()}`,
				),
			);
		});
	});
}
