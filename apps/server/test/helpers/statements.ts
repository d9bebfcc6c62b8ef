import { vi } from "vitest";
import type { TestApp } from "./build-test-app.js";

/** Counts the statements the app sends its database from now on: its driver client's queries. */
export function countStatements(t: TestApp): {
	readonly count: number;
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
		restore: () => query.mockRestore(),
	};
}
