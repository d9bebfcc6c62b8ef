import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
	file: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}

export const WEB_DIST = "apps/web/dist";
/** The budget for the JavaScript a first visit downloads, Clerk's own script excluded. */
export const INITIAL_JS_BUDGET_BYTES = 200 * 1024;

const gzipped = (file: string) =>
	gzipSync(readFileSync(join(WEB_DIST, file))).length;

/**
 * Gzipped sizes of the built web app: the entry and everything it imports statically (what the
 * first page load needs), and the lazily loaded chunks (pages, Shiki, Clerk's React SDK).
 */
export function measureBundle() {
	const manifest = JSON.parse(
		readFileSync(join(WEB_DIST, ".vite/manifest.json"), "utf8"),
	) as Record<string, ManifestChunk>;
	const initial = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || initial.has(chunk.file)) return;
		initial.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const [key, chunk] of Object.entries(manifest))
		if (chunk.isEntry) visit(key);
	const js = [
		...new Set(Object.values(manifest).map((chunk) => chunk.file)),
	].filter((file) => file.endsWith(".js"));
	const lazy = js.filter((file) => !initial.has(file));
	const sum = (files: Iterable<string>) =>
		[...files].reduce((total, file) => total + gzipped(file), 0);
	const clerk = lazy.filter((file) => file.includes("clerk"));
	const shiki = lazy.filter((file) =>
		/core|engine|python|javascript|github/.test(file),
	);
	return {
		initialBytes: sum(initial),
		lazyBytes: sum(lazy),
		clerkBytes: sum(clerk),
		shikiBytes: sum(shiki),
	};
}
