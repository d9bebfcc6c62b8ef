import { vi } from "vitest";
import type { TestApp } from "./build-test-app.js";

/** A statement as the app sent it to its database. */
export interface SentStatement {
	text: string;
	params: unknown[];
}

/** Drizzle gives node-postgres a query config and the parameters, PGlite the text and the parameters. */
function sentStatement([query, params]: unknown[]): SentStatement {
	return {
		text: typeof query === "string" ? query : (query as { text: string }).text,
		params: Array.isArray(params) ? params : [],
	};
}

/** Watches the statements the app sends its database from now on: its driver client's queries. */
export function watchStatements(t: TestApp): {
	readonly count: number;
	readonly sent: SentStatement[];
	restore(): void;
} {
	const { $client } = t.app.services.db as unknown as {
		$client: { query(...args: unknown[]): unknown };
	};
	const query = vi.spyOn($client, "query");
	return {
		get count() {
			return query.mock.calls.length;
		},
		get sent() {
			return query.mock.calls.map(sentStatement);
		},
		restore: () => query.mockRestore(),
	};
}
