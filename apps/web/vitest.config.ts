import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions } from "vite";
import { defineProject } from "vitest/config";

export default defineProject({
	plugins: [react()],
	resolve: {
		conditions: ["source", ...defaultClientConditions],
		alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
	},
	test: {
		name: "web",
		environment: "jsdom",
		include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
		setupFiles: ["./src/testing/setup-tests.ts"],
		// styles.test.ts reads the stylesheets themselves (?raw); Vitest empties CSS it is not told to keep,
		// and the sheets the components import stay empty, as they were when they were one global sheet
		css: { include: [/\.css\?raw$/] },
	},
});
