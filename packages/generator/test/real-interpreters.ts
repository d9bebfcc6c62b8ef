import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Language } from "@app/contract";

const run = promisify(execFile);

/** Runs a snippet with the machine's own `node` (as a CommonJS script) or `python3` and returns its stdout. */
export async function runReal(
	language: Language,
	code: string,
): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), "real-"));
	try {
		const file = join(dir, language === "python" ? "main.py" : "main.cjs");
		await writeFile(file, code);
		const [command, args] =
			language === "python"
				? ["python3", ["-I", file]]
				: [process.execPath, [file]];
		const { stdout } = await run(command, args, {
			timeout: 20_000,
			env: { PATH: process.env.PATH ?? "" },
		});
		return stdout;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
