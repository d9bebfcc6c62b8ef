export * from "./fake-openai-server.js";
export * from "./sandbox-processes.js";
export { runReal } from "../test/real-interpreters.js";
