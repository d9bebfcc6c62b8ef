import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Language } from "@app/contract";
import type { WorkerFiles } from "./protocol.js";
import { bundleSandboxSources } from "./source-bundle.js";

/** How to start the sandbox process. */
export interface SandboxLaunch {
	/** the process's entry file */
	entry: string;
	/** the interpreters' worker files, handed to the entry */
	workers: WorkerFiles;
	/** Node flags: the permission model, and what it grants */
	execArgv: string[];
}

/** The interpreters' packages: the sandbox process may read them and the packages they depend on. */
const INTERPRETER_PACKAGES = ["pyodide", "quickjs-emscripten"];

/**
 * Finds the sandbox process's code (compiled next to this file, or bundled from the sources) and
 * the flags that wall it in. `workers` replaces the interpreters' worker files: tests use it to run
 * a worker that executes snippets as plain Node code, to show what the process alone still stops.
 */
export async function resolveLaunch(
	workers?: Partial<Record<Language, string>>,
): Promise<SandboxLaunch> {
	const fromSources = import.meta.url.endsWith(".ts");
	const folder = fromSources
		? await bundleSandboxSources()
		: dirname(fileURLToPath(import.meta.url));
	const extension = fromSources ? ".mjs" : ".js";
	const file = (name: string) =>
		pathToFileURL(join(folder, `${name}${extension}`)).href;
	const files: WorkerFiles = {
		bootstrap: file("worker-bootstrap"),
		javascript: workers?.javascript ?? file("quickjs-worker"),
		python: workers?.python ?? file("pyodide-worker"),
	};
	const readable = new Set([
		`${folder}/`,
		...Object.values(files).map((url) => `${dirname(fileURLToPath(url))}/`),
		...packageFolders(INTERPRETER_PACKAGES),
	]);
	return {
		entry: join(folder, `sandbox-host${extension}`),
		workers: files,
		execArgv: [
			permissionFlag(),
			...[...readable].map((path) => `--allow-fs-read=${path}`),
			// the interpreters run in worker threads of the sandbox process, under the same permissions
			"--allow-worker",
			// the permission model's own warnings, printed at every start
			"--no-warnings",
		],
	};
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
