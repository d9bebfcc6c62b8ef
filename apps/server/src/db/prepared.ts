import type { DbOrTx } from "./open-db.js";

/**
 * A statement, or what runs one (a batcher: batched-reads.ts), built once per database (or
 * transaction) and reused: building a query with Drizzle's builder cost more CPU than running it
 * for the hot reads (a quota read took 610 µs of CPU on PGlite built each time, 400 µs prepared;
 * 133 and 75 µs on PostgreSQL, where the statement is also parsed and planned once per
 * connection). Values come in as placeholders.
 */
export function preparedPerDb<Statement>(
	build: (db: DbOrTx) => Statement,
): (db: DbOrTx) => Statement {
	const statements = new WeakMap<DbOrTx, Statement>();
	return (db) => {
		let statement = statements.get(db);
		if (!statement) {
			statement = build(db);
			statements.set(db, statement);
		}
		return statement;
	};
}
