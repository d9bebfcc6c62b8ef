import { workspaceProject } from "../../vitest.shared.js";

export default workspaceProject("generator", {
	include: ["src/**/*.test.ts", "test/**/*.test.ts"],
	testTimeout: 60_000,
	hookTimeout: 60_000,
});
