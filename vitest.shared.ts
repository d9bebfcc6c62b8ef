import { defaultServerConditions } from "vite";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const fromSource = { conditions: ["source", ...defaultServerConditions] };

/** Workspace packages are imported from their TypeScript sources (the "source" export condition), so tests need no build. */
export function workspaceProject(
	name: string,
	test: UserWorkspaceConfig["test"] = {},
) {
	return defineProject({
		ssr: { resolve: fromSource },
		resolve: fromSource,
		// the environment Vitest runs global setup files in (they import workspace packages too)
		environments: { __vitest__: { resolve: fromSource } },
		test: { name, ...test },
	});
}
