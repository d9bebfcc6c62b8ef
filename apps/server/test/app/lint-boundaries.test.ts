import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BIOME = join(ROOT, "node_modules/.bin/biome");

/** Probe files, by the path they would have in the repository, and whether lint must refuse them. */
const PROBES: Record<string, { code: string; refused: boolean }> = {
	"apps/server/src/plugins/imports-a-feature.ts": {
		code: 'import { quotaJobs } from "../features/quota/quota.jobs.js";\n\nexport const x = quotaJobs;\n',
		refused: true,
	},
	"apps/server/src/db/imports-a-feature.ts": {
		code: 'import { readQuota } from "../features/quota/quota.repo.js";\n\nexport const x = readQuota;\n',
		refused: true,
	},
	"apps/server/src/plugins/imports-infrastructure.ts": {
		code: 'import { openDb } from "../db/open-db.js";\n\nexport const x = openDb;\n',
		refused: false,
	},
	"apps/server/src/features/stats/reaches-into-quota.ts": {
		code: 'import { readQuota } from "../quota/quota.repo.js";\n\nexport const x = readQuota;\n',
		refused: true,
	},
	"apps/server/src/features/stats/uses-quota-public.ts": {
		code: 'import { nextResetAt } from "../quota/quota.public.js";\nimport { AppError } from "../../errors.js";\nimport { userStats } from "./stats.repo.js";\n\nexport const x = [nextResetAt, AppError, userStats];\n',
		refused: false,
	},
	"apps/server/src/features/stats/reads-date-now.ts": {
		code: "export const at = () => Date.now();\n",
		refused: true,
	},
	"apps/server/src/features/stats/makes-a-new-date.ts": {
		code: "export const at = () => new Date();\n",
		refused: true,
	},
	"apps/server/src/features/stats/parses-a-date.ts": {
		code: "export const at = (iso: string) => new Date(iso);\n",
		refused: false,
	},
	"apps/web/src/features/history/imports-another-feature.ts": {
		code: 'import { getStats } from "@/features/progress/api/get-stats";\n\nexport const x = getStats;\n',
		refused: true,
	},
	"apps/web/src/features/history/components/imports-the-app.ts": {
		code: 'import { router } from "@/app/router";\n\nexport const x = router;\n',
		refused: true,
	},
	"apps/web/src/components/ui/imports-a-feature.ts": {
		code: 'import { getStats } from "@/features/progress/api/get-stats";\n\nexport const x = getStats;\n',
		refused: true,
	},
	"apps/web/src/features/history/components/imports-its-own-feature.ts": {
		code: 'import { getHistory } from "../api/get-history";\nimport { paths } from "@/config/paths";\n\nexport const x = [getHistory, paths];\n',
		refused: false,
	},
};

interface Diagnostic {
	category: string;
	location: { path: string };
}

/**
 * The repository's own Biome configuration (the root's, the web app's and the wall-clock plugin),
 * run over probe files laid out as they would be in the tree: the boundaries hold by lint, so
 * lint must refuse each crossing and accept the allowed imports.
 */
describe("the lint rules that keep the boundaries", () => {
	let tree: string;
	let refusedPaths: Set<string>;

	beforeAll(async () => {
		tree = mkdtempSync(join(tmpdir(), "cct-lint-"));
		cpSync(join(ROOT, "biome.json"), join(tree, "biome.json"));
		cpSync(join(ROOT, "lint"), join(tree, "lint"), { recursive: true });
		mkdirSync(join(tree, "apps/web"), { recursive: true });
		cpSync(
			join(ROOT, "apps/web/biome.json"),
			join(tree, "apps/web/biome.json"),
		);
		for (const [path, { code }] of Object.entries(PROBES)) {
			mkdirSync(dirname(join(tree, path)), { recursive: true });
			writeFileSync(join(tree, path), code);
		}
		// lint exits 1 when it finds errors: the report is what matters
		const report = await promisify(execFile)(
			BIOME,
			["lint", "--vcs-enabled=false", "--reporter=json", "."],
			{ cwd: tree },
		).catch((error: { stdout: string }) => error);
		const { diagnostics } = JSON.parse(report.stdout) as {
			diagnostics: Diagnostic[];
		};
		refusedPaths = new Set(
			diagnostics
				.filter(
					(d) =>
						d.category === "lint/style/noRestrictedImports" ||
						d.category === "plugin",
				)
				.map((d) => d.location.path),
		);
	}, 60_000);

	afterAll(() => rmSync(tree, { recursive: true, force: true }));

	it.each(Object.entries(PROBES))("%s", (path, { refused }) => {
		expect(refusedPaths.has(path)).toBe(refused);
	});
});
