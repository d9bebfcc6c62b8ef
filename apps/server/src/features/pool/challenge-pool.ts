import { setMaxListeners } from "node:events";
import { DIFFICULTIES, LANGUAGES } from "@app/contract";
import type { Generator } from "@app/generator";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/open-db.js";
import type { BackgroundTask } from "../../plugins/background-tasks.js";
import { addPooled, type Cell, countPooled } from "./pool.repo.js";

/** Runs in the background (started when the app is ready): `start` tops every cell up, `stop` aborts the refills in flight. */
export interface ChallengePool extends BackgroundTask {
	/** tops a cell up to the pool size in the background; one refill per cell at a time */
	refillSoon(cell: Cell): void;
	/** resolves once every refill started so far has finished */
	idle(): Promise<void>;
}

export interface PoolDeps {
	db: Db;
	generator: Generator;
	size: number;
	now: () => Date;
	log: FastifyBaseLogger;
}

const CELLS: Cell[] = DIFFICULTIES.flatMap((difficulty) =>
	LANGUAGES.map((language) => ({ difficulty, language })),
);

/**
 * Keeps `size` verified challenges ready per (difficulty, language), so a user is served from
 * the pool instead of waiting for a model. Several processes may refill one PostgreSQL pool at
 * once; each counts before it generates, so the pool can briefly exceed its size, never repeat.
 */
export function createChallengePool(deps: PoolDeps): ChallengePool {
	const running = new Map<string, Promise<void>>();
	const abort = new AbortController();
	// one signal is shared by every refill's model requests
	setMaxListeners(64, abort.signal);

	async function refill(cell: Cell): Promise<void> {
		// unverified challenges are not pooled; a bound keeps a model that never verifies from looping
		let budget = deps.size * 2;
		let missing = deps.size - (await countPooled(deps.db, cell));
		while (missing > 0 && budget > 0 && !abort.signal.aborted) {
			budget -= 1;
			const generated = await deps.generator.generate(
				{ ...cell },
				abort.signal,
			);
			if (!generated.challenge.verified) continue;
			await addPooled(deps.db, generated, deps.now());
			missing -= 1;
		}
	}

	function refillSoon(cell: Cell): void {
		const key = `${cell.difficulty}/${cell.language}`;
		if (running.has(key) || abort.signal.aborted) return;
		const task = refill(cell)
			.catch((error: unknown) => {
				if (!abort.signal.aborted)
					deps.log.warn({ err: error, cell: key }, "pool refill failed");
			})
			.finally(() => running.delete(key));
		running.set(key, task);
	}

	return {
		refillSoon,
		name: "challenge pool",
		start: () => {
			for (const cell of CELLS) refillSoon(cell);
		},
		idle: async () => {
			while (running.size) await Promise.all(running.values());
		},
		stop: async () => {
			abort.abort(new Error("server is closing"));
			await Promise.all(running.values());
		},
	};
}
