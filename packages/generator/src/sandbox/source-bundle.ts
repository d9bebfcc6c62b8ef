import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The sandbox process's entry and the workers it starts, by output name. */
const ENTRIES = [
	"sandbox-host",
	"worker-bootstrap",
	"quickjs-worker",
	"pyodide-worker",
	// started by the server on its own, with the sandbox process's flags (pyodide-snapshot.ts)
	"pyodide-snapshot-maker",
] as const;
/** Files the workers read next to themselves at run time; the build copies them into dist/ too. */
const ASSETS = ["python-guard.py"] as const;

let bundled: Promise<string> | undefined;

/**
 * When the server runs from TypeScript sources (tests, `npm run dev`), the sandbox process cannot
 * use tsx: tsx compiles through esbuild's own child process, which the permission model forbids.
 * So its code is bundled here, in the server's process, into plain `.mjs` files (with the ASSETS
 * they read) under `node_modules/.cache/sandbox/<content hash>/`: inside node_modules, so the interpreters (left
 * out of the bundle) resolve as they do from the sources. Returns that folder.
 */
export function bundleSandboxSources(): Promise<string> {
	// once per process: a restarted sandbox process reuses the bundle
	bundled ??= bundle().catch((error: unknown) => {
		bundled = undefined;
		throw error;
	});
	return bundled;
}

async function bundle(): Promise<string> {
	const { build } = await import("esbuild");
	const here = dirname(fileURLToPath(import.meta.url));
	const { outputFiles } = await build({
		entryPoints: Object.fromEntries(
			ENTRIES.map((name) => [name, join(here, `${name}.ts`)]),
		),
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node20",
		outExtension: { ".js": ".mjs" },
		// modules shared by the entries stay one module, as with the compiled files: the bootstrap's
		// stand-ins are the very functions a worker then checks for
		splitting: true,
		external: ["pyodide", "quickjs-emscripten"],
		outdir: "/",
		write: false,
		logLevel: "silent",
	});
	const files = [
		...outputFiles,
		...(await Promise.all(
			ASSETS.map(async (name) => ({
				path: `/${name}`,
				contents: await readFile(join(here, name)),
			})),
		)),
	];
	const hash = createHash("sha256");
	for (const file of files) hash.update(file.path).update(file.contents);
	const folder = join(sandboxCacheFolder(), hash.digest("hex").slice(0, 16));
	if (await exists(folder)) return folder;
	// written aside and renamed, so a concurrent test process never sees half a bundle
	const partial = `${folder}.${process.pid}.partial`;
	await mkdir(partial, { recursive: true });
	for (const file of files)
		await writeFile(join(partial, file.path), file.contents);
	try {
		await rename(partial, folder);
	} catch (error) {
		await rm(partial, { recursive: true, force: true });
		if (!(await exists(folder))) throw error;
	}
	return folder;
}

/**
 * `node_modules/.cache/sandbox/`, in the node_modules the interpreters resolve from: the bundles
 * and the Python snapshot (pyodide-snapshot.ts). node_modules is ignored by git.
 */
export function sandboxCacheFolder(): string {
	const nodeModules = dirname(
		dirname(createRequire(import.meta.url).resolve("pyodide/package.json")),
	);
	return join(nodeModules, ".cache", "sandbox");
}

async function exists(path: string): Promise<boolean> {
	return stat(path).then(
		() => true,
		() => false,
	);
}
