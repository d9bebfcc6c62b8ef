import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Language } from "@app/contract";
import type { WorkerFiles } from "./protocol.js";
import {
	findPythonSnapshot,
	makePythonSnapshot,
	type SnapshotMaker,
} from "./pyodide-snapshot.js";
import type { SnapshotSource } from "./pyodide-start.js";
import { bundleSandboxSources } from "./source-bundle.js";

/** How to start the sandbox process. */
export interface SandboxLaunch {
	/** the process's entry file */
	entry: string;
	/** the interpreters' worker files, handed to the entry */
	workers: WorkerFiles;
	/** Node flags: the permission model, what it grants, and the `-e` that loads the entry */
	execArgv: string[];
}

/** The interpreters' packages: the sandbox process may read them and the packages they depend on. */
const INTERPRETER_PACKAGES = ["pyodide", "quickjs-emscripten"];

/**
 * The entry (the script argument after the flags, `process.argv[1]`) is imported by `-e` rather
 * than run as the main script. Node 22's permission model lets a process read its main script
 * without `--allow-fs-read`, and applies that rule again in each worker thread, which has no main
 * script: the empty name it allows there resolves to the working directory, so on Node 22 the
 * interpreters' threads could read the process's working directory and everything below it. With
 * `-e` no thread gets that rule, on Node 20 or 22; the entry's folder is readable anyway.
 */
const LOAD_ENTRY = [
	"-e",
	'import(require("node:url").pathToFileURL(process.argv[1]).href)',
];

export interface LaunchOptions {
	/**
	 * Make the Python worker's memory snapshot now if there is none, and wait for it; otherwise a
	 * missing one is made in the background and the workers load Pyodide as usual meanwhile.
	 * Tests and the build use it.
	 */
	waitForSnapshot?: boolean;
}

/**
 * Finds the sandbox process's code (compiled next to this file, or bundled from the sources) and
 * the flags that wall it in. `workers` replaces the interpreters' worker files: tests use it to run
 * a worker that executes snippets as plain Node code, to show what the process alone still stops.
 * The Python worker's file URL names its memory snapshot, when there is one (pyodide-snapshot.ts),
 * and the process may read that one file.
 */
export async function resolveLaunch(
	workers?: Partial<Record<Language, string>>,
	{ waitForSnapshot = false }: LaunchOptions = {},
): Promise<SandboxLaunch> {
	const fromSources = import.meta.url.endsWith(".ts");
	const folder = fromSources
		? await bundleSandboxSources()
		: dirname(fileURLToPath(import.meta.url));
	const extension = fromSources ? ".mjs" : ".js";
	const file = (name: string) =>
		pathToFileURL(join(folder, `${name}${extension}`)).href;
	const readable = new Set([
		`${folder}/`,
		...packageFolders(INTERPRETER_PACKAGES),
	]);
	const execArgv = () => [
		permissionFlag(),
		...[...readable].map((path) => `--allow-fs-read=${path}`),
		// the interpreters run in worker threads of the sandbox process, under the same permissions
		"--allow-worker",
		// the permission model's own warnings, printed at every start
		"--no-warnings",
		...LOAD_ENTRY,
	];
	let python = workers?.python;
	if (python === undefined) {
		const maker = {
			entry: join(folder, `pyodide-snapshot-maker${extension}`),
			execArgv: execArgv(),
		};
		const snapshot = await pythonSnapshot(maker, waitForSnapshot);
		if (snapshot) readable.add(snapshot.path);
		python = withSnapshot(file("pyodide-worker"), snapshot);
	}
	const files: WorkerFiles = {
		bootstrap: file("worker-bootstrap"),
		javascript: workers?.javascript ?? file("quickjs-worker"),
		python,
	};
	for (const url of Object.values(files))
		readable.add(`${dirname(fileURLToPath(url))}/`);
	return {
		entry: join(folder, `sandbox-host${extension}`),
		workers: files,
		execArgv: execArgv(),
	};
}

/** The snapshot, or none: a snapshot that cannot be found or made never stops the sandbox. */
async function pythonSnapshot(
	maker: SnapshotMaker,
	wait: boolean,
): Promise<SnapshotSource | undefined> {
	if (wait) return makePythonSnapshot(maker);
	return findPythonSnapshot(maker).catch(() => undefined);
}

/** The worker's URL naming the snapshot it starts from (read by pyodide-worker.ts). */
function withSnapshot(
	worker: string,
	snapshot: SnapshotSource | undefined,
): string {
	if (!snapshot) return worker;
	const url = new URL(worker);
	url.searchParams.set("snapshot", snapshot.path);
	url.searchParams.set("sha256", snapshot.sha256);
	return url.href;
}

/** Node 20 calls the permission model experimental; newer Node has `--permission`. */
function permissionFlag(): string {
	return process.allowedNodeEnvironmentFlags.has("--permission")
		? "--permission"
		: "--experimental-permission";
}

/** The folders of these packages and of everything they depend on, as resolved from here. */
function packageFolders(names: readonly string[]): string[] {
	const folders = new Set<string>();
	const visit = (name: string, from: string) => {
		// looked up as Node would, without `resolve`, which a package's `exports` map may refuse
		const manifest = createRequire(from)
			.resolve.paths(name)
			?.map((folder) => join(folder, name, "package.json"))
			.find((path) => existsSync(path));
		if (!manifest) return; // an optional or type-only dependency that is not installed
		const folder = `${dirname(manifest)}/`;
		if (folders.has(folder)) return;
		folders.add(folder);
		const { dependencies = {} } = JSON.parse(
			readFileSync(manifest, "utf8"),
		) as { dependencies?: Record<string, string> };
		for (const dependency of Object.keys(dependencies))
			visit(dependency, manifest);
	};
	for (const name of names) visit(name, import.meta.url);
	return [...folders];
}
