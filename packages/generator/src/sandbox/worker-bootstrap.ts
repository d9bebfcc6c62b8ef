/**
 * The first module of every interpreter's worker thread in the sandbox process: it narrows what
 * the thread can reach of Node (host-stand-ins.ts) before the worker's own code, and with it the
 * interpreter, loads.
 */
import { workerData } from "node:worker_threads";
import { installHostStandIns } from "./host-stand-ins.js";
import type { BootstrapData } from "./protocol.js";

installHostStandIns();
await import((workerData as BootstrapData).file);
