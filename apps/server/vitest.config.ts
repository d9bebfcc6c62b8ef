import { workspaceProject } from "../../vitest.shared.js";

export default workspaceProject("server", {
	include: ["src/**/*.test.ts", "test/**/*.test.ts"],
	globalSetup: ["test/global-setup.ts"],
	testTimeout: 60_000,
	hookTimeout: 60_000,
});
