import { createPglite } from "@app/server/pglite-client";

/**
 * PGlite's own memory, in a fresh process: RSS before it loads, and after it opened the data folder
 * given as argument, with the settings the server opens it with, and answered a query over every
 * table the server reads. Prints JSON in MB.
 */
const folder = process.argv[2];
if (!folder) throw new Error("usage: pglite-rss.ts <pglite data folder>");
const mb = () => process.memoryUsage().rss / 1024 / 1024;
const before = mb();
const db = createPglite(folder);
await db.query(
	"SELECT (SELECT count(*) FROM challenges), (SELECT count(*) FROM answers), (SELECT count(*) FROM quotas)",
);
const after = mb();
await db.close();
console.log(JSON.stringify({ before, after }));
