/**
 * The first module of every interpreter's worker thread in the sandbox process: it takes away what
 * the permission model does not, in this thread's own copies of Node's modules, before the
 * worker's code loads. A snippet that escaped its interpreter into this thread's JavaScript
 * finds the replacements, which it cannot undo.
 * - Threads: Node 20's permission model lets `new Worker(code, { execArgv: [] })` start a thread
 *   outside it (the worker's own flags replace the process's), so no thread may start another.
 * - The network: Node before 25 has no network permission; sockets, DNS and listening are refused.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import workerThreads from "node:worker_threads";
import type { BootstrapData } from "./protocol.js";

function refused(what: string) {
	return function refusedInSandbox(): never {
		throw Object.assign(new Error(`${what} is not allowed in the sandbox`), {
			code: "ERR_ACCESS_DENIED",
		});
	};
}

function replace(target: object, names: readonly string[], what: string) {
	for (const name of names)
		Object.defineProperty(target, name, {
			value: refused(what),
			writable: false,
			configurable: false,
		});
}

/** Every function of a module or prototype, so that none is left out when Node adds one. */
function functionsOf(target: object): string[] {
	return Object.getOwnPropertyNames(target).filter(
		(name) =>
			name !== "constructor" &&
			typeof Object.getOwnPropertyDescriptor(target, name)?.value ===
				"function",
	);
}

replace(workerThreads, ["Worker"], "starting a thread");
replace(net.Socket.prototype, ["connect"], "the network");
replace(net.Server.prototype, ["listen"], "the network");
replace(dgram.Socket.prototype, ["bind", "connect", "send"], "the network");
replace(dns.Resolver.prototype, functionsOf(dns.Resolver.prototype), "DNS");
replace(
	dns.promises.Resolver.prototype,
	functionsOf(dns.promises.Resolver.prototype),
	"DNS",
);
replace(
	dns,
	functionsOf(dns).filter((name) => name !== "Resolver"),
	"DNS",
);
replace(
	dns.promises,
	functionsOf(dns.promises).filter((name) => name !== "Resolver"),
	"DNS",
);
syncBuiltinESMExports();

await import((workerThreads.workerData as BootstrapData).file);
