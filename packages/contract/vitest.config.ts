import { workspaceProject } from "../../vitest.shared.js";

export default workspaceProject("contract", { include: ["src/**/*.test.ts"] });
