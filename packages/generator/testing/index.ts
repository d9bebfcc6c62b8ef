export { createOfflineGenerator } from "../src/providers/offline.js";
export { runReal } from "../test/real-interpreters.js";
export * from "./fake-openai-server.js";
export { createInProcessSandbox } from "./in-process-sandbox.js";
export * from "./option-leaks.js";
export * from "./sandbox-processes.js";
