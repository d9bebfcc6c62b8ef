import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

export default defineConfig({
	plugins: [react()],
	// the contract package is read from its TypeScript sources; the app imports only its types and constants
	resolve: {
		conditions: ["source", ...defaultClientConditions],
		alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
	},
	server: {
		port: 5173,
		strictPort: true,
		// the original's two-process setup: the API runs on :8000 and Vite forwards to it
		proxy: {
			"/api": "http://localhost:8000",
			"/docs": "http://localhost:8000",
		},
	},
	build: { outDir: "dist", manifest: true, sourcemap: true, target: "es2022" },
});
