import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./open-db.js";

/**
 * The rows of a statement written in SQL, typed by the caller. `Db` is typed for any PostgreSQL
 * driver, so `execute` says nothing of its result; both of ours (node-postgres and PGlite) answer
 * with `{ rows }`, one object per row, keyed by the statement's column names.
 */
export async function rawRows<Row>(db: DbOrTx, statement: SQL): Promise<Row[]> {
	const result = await db.execute(statement);
	return (result as unknown as { rows: Row[] }).rows;
}
