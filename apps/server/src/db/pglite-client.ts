import {
	PGlite,
	type PGliteOptions,
	type QueryOptions,
	type Results,
	type Transaction,
	types,
} from "@electric-sql/pglite";
import { preparedStatements } from "./pglite-statements.js";

/**
 * The types drizzle-orm's PGlite driver asks to receive as text, because it maps them itself:
 * timestamps, intervals, dates and their arrays (numeric[] too).
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [
	types.TIMESTAMP,
	types.TIMESTAMPTZ,
	types.INTERVAL,
	types.DATE,
	1231,
	1115,
	1185,
	1187,
	1182,
];
const asText = (value: string) => value;
const DRIZZLE_PARSERS = Object.fromEntries(
	DRIZZLE_TEXT_TYPES.map((type) => [type, asText]),
);
const DRIZZLE_KEYS = new Set(DRIZZLE_TEXT_TYPES.map(String));

/** The options of a query without its `parsers`, when they are the ones the instance already has. */
function withoutRepeatedParsers(
	options: QueryOptions | undefined,
): QueryOptions | undefined {
	const parsers = options?.parsers;
	if (!parsers) return options;
	const keys = Object.keys(parsers);
	if (
		keys.length !== DRIZZLE_KEYS.size ||
		!keys.every((key) => DRIZZLE_KEYS.has(key))
	)
		return options;
	return { ...options, parsers: undefined };
}

/**
 * PostgreSQL's own page cache. PGlite's default, 128 MB, is all touched at start, so it was all
 * resident (328 MB for an idle PGlite, 198 MB with 32 MB): a single-user database's working set
 * fits in 32 MB, and the operating system caches the data files beneath it anyway.
 */
const SHARED_BUFFERS = "32MB";

/** Options that only PGlite's own `query` handles: a query with them goes through it. */
const preparable = (options: QueryOptions | undefined) =>
	!options?.blob && !options?.paramTypes && !options?.serializers;

/**
 * A PGlite for Drizzle. Its queries run as prepared statements (pglite-statements.ts), under the
 * locks PGlite's `query` takes. Drizzle passes the same `parsers` with every query, and PGlite
 * merged them into its own on every call: about 116 µs of CPU per query measured here. This
 * instance has them from the start, and drops them from each query (and each query of a
 * transaction) when they are exactly those, so no merge happens; any other `parsers` pass through
 * untouched.
 */
export function createPglite(
	dataDir?: string,
	options: PGliteOptions = {},
): PGlite {
	const client = new PGlite({
		...options,
		...(dataDir === undefined ? {} : { dataDir }),
		parsers: { ...DRIZZLE_PARSERS, ...options.parsers },
		startParams: [
			...(options.startParams ?? PGlite.defaultStartParams),
			"-c",
			`shared_buffers=${SHARED_BUFFERS}`,
		],
	});
	const statements = preparedStatements(client);
	const query = client.query.bind(client);
	client.query = async <T>(
		text: string,
		params: unknown[] = [],
		given?: QueryOptions,
	): Promise<Results<T>> => {
		const options = withoutRepeatedParsers(given);
		// PGlite's own query waits for a start (PGlite queries its types then) and refuses once closed
		if (!client.ready || client.closed || !preparable(options))
			return query<T>(text, params, options);
		return client._runExclusiveTransaction(() =>
			client._runExclusiveQuery(async () => {
				// a close() may have run while this query waited for the locks
				await client._checkReady();
				return statements<T>(text, params, options, { inTransaction: false });
			}),
		);
	};
	const transaction = client.transaction.bind(client);
	client.transaction = <T>(run: (tx: Transaction) => Promise<T>) =>
		transaction((tx) => {
			const txQuery = tx.query.bind(tx);
			tx.query = async <R>(
				text: string,
				params: unknown[] = [],
				given?: QueryOptions,
			): Promise<Results<R>> => {
				const options = withoutRepeatedParsers(given);
				// a closed transaction's own query refuses, as it should
				if (tx.closed || !preparable(options))
					return txQuery<R>(text, params, options);
				return client._runExclusiveQuery(() =>
					statements<R>(text, params, options, { inTransaction: true }),
				);
			};
			return run(tx);
		});
	return client;
}
