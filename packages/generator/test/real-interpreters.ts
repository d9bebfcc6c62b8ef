import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Language } from "@app/contract";

const run = promisify(execFile);

/** What the real interpreter did: its stdout, and the type of the exception that ended it, if one did. */
export interface RealOutcome {
	stdout: string;
	/** read from its exit status and stderr; null when it exited 0 */
	raised: string | null;
}

/** Runs a snippet with the machine's own `node` (as a CommonJS script) or `python3` and returns its stdout. */
export async function runReal(
	language: Language,
	code: string,
): Promise<string> {
	const outcome = await runRealOutcome(language, code);
	if (outcome.raised !== null)
		throw new Error(`${language} raised ${outcome.raised}`);
	return outcome.stdout;
}

/**
 * Runs a snippet as runReal does, and when it exits with an uncaught exception names that
 * exception as the sandbox does: Python's class name (the last part of the traceback's dotted
 * name), the `name` of a JavaScript Error (the bracketed one when Node shows `Class [name]`).
 * Any other failure (a crash, a timeout, a thrown value that is not an Error) throws.
 */
export async function runRealOutcome(
	language: Language,
	code: string,
): Promise<RealOutcome> {
	const dir = await mkdtemp(join(tmpdir(), "real-"));
	try {
		const file = join(dir, language === "python" ? "main.py" : "main.cjs");
		await writeFile(file, code);
		const [command, args] =
			language === "python"
				? ["python3", ["-I", file]]
				: [process.execPath, [file]];
		try {
			const { stdout } = await run(command, args, {
				timeout: 20_000,
				env: { PATH: process.env.PATH ?? "" },
			});
			return { stdout, raised: null };
		} catch (error) {
			const failed = error as {
				code?: unknown;
				stdout?: string;
				stderr?: string;
			};
			const raised =
				failed.code === 1 && failed.stderr !== undefined
					? escapedType(language, failed.stderr)
					: null;
			if (raised === null) throw error;
			return { stdout: failed.stdout ?? "", raised };
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** The type named by an uncaught exception's report on stderr, or null when there is none. */
function escapedType(language: Language, stderr: string): string | null {
	if (language === "python") {
		// the last traceback is the exception that escaped; its first unindented line names it
		const last = stderr.split("Traceback (most recent call last):\n").at(-1);
		const line = last?.split("\n").find((l) => l !== "" && !/^\s/.test(l));
		const name = line?.match(/^([\w.]+)(?::|$)/)?.[1];
		return name?.split(".").at(-1) ?? null;
	}
	// Node prints the line that threw and a caret, a blank line, then the Error's stack
	const afterBlank = stderr.split("\n\n")[1]?.split("\n")[0];
	const match = afterBlank?.match(/^([\w$]+)(?: \[([\w$]+)\])?(?::|$)/);
	return match ? (match[2] ?? match[1] ?? null) : null;
}
