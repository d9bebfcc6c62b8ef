import { execFileSync } from "node:child_process";
import { INITIAL_JS_BUDGET_BYTES, measureBundle } from "../e2e/bundle-size.js";
import type { BenchTable } from "./table.js";

/** The web app's JavaScript, gzipped, against the 200 KB budget for the first load. */
export async function run(): Promise<BenchTable> {
	execFileSync("npm", ["run", "build", "--workspace", "apps/web", "--silent"], {
		stdio: "ignore",
	});
	const { initialBytes, lazyBytes, clerkBytes, shikiBytes } = measureBundle();
	const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
	return {
		title: "Web app bundle (gzipped)",
		baseline:
			"the 200 KB budget for the JavaScript of a first visit (Clerk's own script excluded)",
		rows: [
			{
				name: "initial JavaScript",
				value: kb(initialBytes),
				unit: "KB",
				ratio: initialBytes / INITIAL_JS_BUDGET_BYTES,
			},
			{
				name: "lazy chunks in all",
				value: kb(lazyBytes),
				unit: "KB",
				note: "pages, highlighter, Clerk SDK",
			},
			{
				name: "Shiki (core, JS engine, 2 grammars, 2 themes)",
				value: kb(shikiBytes),
				unit: "KB",
				note: "on the first challenge",
			},
			{
				name: "Clerk React SDK",
				value: kb(clerkBytes),
				unit: "KB",
				note: "Clerk mode only",
			},
		],
	};
}
