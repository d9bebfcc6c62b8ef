/**
 * The `@app/generator/sandbox` entry: the sandbox and the template families without a provider,
 * for measuring the engine's layers on their own (bench/generator.bench.ts).
 */
export { createSandbox, type Sandbox } from "./sandbox/sandbox.js";
export { FAMILIES } from "./templates/registry.js";
