import { buildApp } from "./app.js";
import { configOrExit, loadDotEnv } from "./environment.js";

/** After a signal, in-flight requests get this long to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 30_000;

loadDotEnv();

const config = configOrExit(process.env, 1);

const app = await buildApp(config);

/** The process's open handles by kind (TCPSocketWrap: a connection; ProcessWrap: the sandbox process). */
function openHandles(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo())
		counts[kind] = (counts[kind] ?? 0) + 1;
	return counts;
}

const shutdown = async (signal: string) => {
	app.log.info({ signal }, "shutting down: finishing in-flight requests");
	let waitingFor = "in-flight requests";
	// the HTTP server closes once its last connection has; the onClose hooks run after that
	app.server.once("close", () => {
		waitingFor = "the database and the sandbox process to close";
	});
	setTimeout(() => {
		app.log.error(
			{ signal, graceMs: SHUTDOWN_GRACE_MS, waitingFor, open: openHandles() },
			"shutdown did not finish in time; exiting anyway",
		);
		process.exit(1);
	}, SHUTDOWN_GRACE_MS).unref();
	// close() drops only the keep-alive connections idle at that moment; one whose request was
	// still in flight turns idle later and would hold the server open until its keep-alive timeout
	const idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
	await app.close();
	clearInterval(idleSweep);
	app.log.info({ signal }, "shut down");
	process.exit(0);
};
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

try {
	await app.listen({ port: config.port, host: config.host });
} catch (error) {
	app.log.fatal({ err: error }, "could not start listening");
	await app.close();
	process.exit(1);
}
app.log.info(
	{
		auth: config.auth.provider,
		generator: config.generator.kind,
		database: config.databaseUrl ? "postgres" : "pglite",
	},
	"ready",
);
