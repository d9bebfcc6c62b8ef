import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./open-db.js";
import { instanceSecrets } from "./schema.js";

/**
 * A secret this installation generates once and keeps in its database, so that restarts and
 * every process on one PostgreSQL share it. The first process to insert wins.
 */
export async function instanceSecret(
	db: DbOrTx,
	name: string,
): Promise<string> {
	await db
		.insert(instanceSecrets)
		.values({
			name,
			value: randomBytes(32).toString("base64url"),
			createdAt: sql`now()`,
		})
		.onConflictDoNothing();
	const [row] = await db
		.select({ value: instanceSecrets.value })
		.from(instanceSecrets)
		.where(eq(instanceSecrets.name, name));
	if (!row) throw new Error(`instance secret ${name} was not stored`);
	return row.value;
}
