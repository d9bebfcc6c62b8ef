import { defaultServerConditions } from "vite";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/** Workspace packages are imported from their TypeScript sources (the "source" export condition), so tests need no build. */
export function workspaceProject(
	name: string,
	test: UserWorkspaceConfig["test"] = {},
) {
	return defineProject({
		ssr: { resolve: { conditions: ["source", ...defaultServerConditions] } },
		resolve: { conditions: ["source", ...defaultServerConditions] },
		test: { name, ...test },
	});
}
