export * from "./fake-openai-server.js";
export * from "./sandbox-processes.js";
