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

type Query = PGlite["query"];
type Prepared = (
	text: string,
	params: unknown[],
	options: QueryOptions | undefined,
) => Promise<Results<unknown>>;

/**
 * A `query` that runs `prepared`, or PGlite's own `query` when `direct()` says so or the options
 * are ones only PGlite's own handles; with the parsers Drizzle repeats dropped either way.
 */
function preparedQuery(own: Query, direct: () => boolean, prepared: Prepared) {
	return (async (
		text: string,
		params: unknown[] = [],
		given?: QueryOptions,
	) => {
		const options = withoutRepeatedParsers(given);
		if (direct() || !preparable(options)) return own(text, params, options);
		return prepared(text, params, options);
	}) as Query;
}

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
	client.query = preparedQuery(
		client.query.bind(client),
		// PGlite's own query waits for a start (PGlite queries its types then) and refuses once closed
		() => !client.ready || client.closed,
		(text, params, options) =>
			client._runExclusiveTransaction(() =>
				client._runExclusiveQuery(async () => {
					// a close() may have run while this query waited for the locks
					await client._checkReady();
					return statements(text, params, options, { inTransaction: false });
				}),
			),
	);
	const transaction = client.transaction.bind(client);
	client.transaction = <T>(run: (tx: Transaction) => Promise<T>) =>
		transaction((tx) => {
			tx.query = preparedQuery(
				tx.query.bind(tx),
				// a closed transaction's own query refuses, as it should
				() => tx.closed,
				(text, params, options) =>
					client._runExclusiveQuery(() =>
						statements(text, params, options, { inTransaction: true }),
					),
			);
			return run(tx);
		});
	return client;
}
