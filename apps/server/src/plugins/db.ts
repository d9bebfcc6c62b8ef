import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { Database, Db } from "../db/open-db.js";

declare module "fastify" {
	interface FastifyInstance {
		db: Db;
	}
}

/** Exposes the database; closes it with the app when the app opened it. */
const dbPlugin: FastifyPluginAsync<{
	database: Database;
	owned: boolean;
}> = async (app, { database, owned }) => {
	app.decorate("db", database.db);
	if (owned) app.addHook("onClose", () => database.close());
};

export default fp(dbPlugin, { name: "db" });
