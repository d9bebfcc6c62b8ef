import type {
	FastifyRateLimitStore,
	FastifyRateLimitStoreCtor,
} from "@fastify/rate-limit";
import type { Db } from "../db/open-db.js";
import { type Counter, countHit, readCounter } from "./counters.repo.js";

type Callback = (
	error: Error | null,
	result?: { current: number; ttl: number },
) => void;

/**
 * A store for @fastify/rate-limit on the app's database, so that every server process on one
 * PostgreSQL counts against the same limit (its default store counts in each process's memory).
 * Each hit is one upsert in a fixed window; `now` is the app's clock.
 */
export function databaseStore(
	db: Db,
	now: () => Date,
): FastifyRateLimitStoreCtor {
	const answer = (callback: Callback, at: Date) => (counter: Counter | null) =>
		callback(null, {
			current: counter?.hits ?? 0,
			ttl: counter ? Math.max(0, counter.resetsAt.getTime() - at.getTime()) : 0,
		});

	return class DatabaseStore implements FastifyRateLimitStore {
		incr(key: string, callback: Callback, timeWindow: number): void {
			const at = now();
			countHit(db, key, at, timeWindow).then(answer(callback, at), callback);
		}

		/** @fastify/rate-limit's read-only peek (createRateLimit with increment: false) */
		read(key: string, callback: Callback): void {
			const at = now();
			readCounter(db, key, at).then(answer(callback, at), callback);
		}

		child(): FastifyRateLimitStore {
			// keys are namespaced by their key generators, so every route shares the one table
			return new DatabaseStore();
		}
	};
}
