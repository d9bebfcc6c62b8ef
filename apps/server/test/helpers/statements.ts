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

/** The app's driver client: a node-postgres pool or a PGlite, both answering `query(text, params)`. */
const clientOf = (t: TestApp) =>
	(
		t.app.services.db as unknown as {
			$client: {
				query(...args: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
			};
		}
	).$client;

/** Watches the statements the app sends its database from now on: its driver client's queries. */
export function watchStatements(t: TestApp): {
	readonly count: number;
	readonly sent: SentStatement[];
	restore(): void;
} {
	const query = vi.spyOn(clientOf(t), "query");
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

/** A node of a plan as EXPLAIN (FORMAT JSON) gives it. */
export interface PlanNode {
	"Node Type": string;
	"Relation Name"?: string;
	"Index Name"?: string;
	Plans?: PlanNode[];
}

/** The plan the app's database makes of a statement it was sent, with the same parameters. */
export async function planOf(
	t: TestApp,
	{ text, params }: SentStatement,
): Promise<PlanNode> {
	const { rows } = await clientOf(t).query(
		`EXPLAIN (FORMAT JSON) ${text}`,
		params,
	);
	// node-postgres parses the json column, PGlite may leave it as text
	const cell = Object.values(rows[0] ?? {})[0];
	const [explained] = (typeof cell === "string" ? JSON.parse(cell) : cell) as {
		Plan: PlanNode;
	}[];
	if (!explained) throw new Error("EXPLAIN gave no plan");
	return explained.Plan;
}

/** A plan node and every node under it. */
export const nodesOf = (node: PlanNode): PlanNode[] => [
	node,
	...(node.Plans ?? []).flatMap(nodesOf),
];
