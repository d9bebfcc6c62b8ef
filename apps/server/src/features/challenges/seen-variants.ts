import type { Difficulty, Language } from "@app/contract";
import { and, asc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { DbOrTx } from "../../db/open-db.js";
import { preparedPerDb } from "../../db/prepared.js";
import { challenges } from "../../db/schema.js";

/** The variant keys of what a user was served in one cell: all of them, and the latest ones. */
export interface VariantHistory {
	/** every key, so the generator and the pool can avoid repeats */
	seen: ReadonlySet<string>;
	/** the latest keys, newest first, so they can avoid look-alikes */
	recent: string[];
}

type Cell = { difficulty: Difficulty; language: Language };

interface Known {
	/** the highest challenge id read so far */
	lastId: number;
	seen: Set<string>;
	/** newest first, at most `recentCount` */
	recent: string[];
}

/** Cells (user, difficulty, language) remembered; past this many, the least recently used are forgotten. */
export const SEEN_VARIANTS_CELLS = 2000;

/** The keys stored after a known id, oldest first: a short range of the (user_id, id) index. */
const keysAfter = preparedPerDb((db) =>
	db
		.select({ id: challenges.id, key: challenges.variantKey })
		.from(challenges)
		.where(
			and(
				eq(challenges.userId, sql.placeholder("userId")),
				gt(challenges.id, sql.placeholder("after")),
				eq(challenges.difficulty, sql.placeholder("difficulty")),
				eq(challenges.language, sql.placeholder("language")),
				isNotNull(challenges.variantKey),
			),
		)
		.orderBy(asc(challenges.id))
		.prepare("variant_keys_after"),
);

/**
 * What each user was served, per cell, read once and then only what was stored since: every
 * generation needs it, and reading a user's whole history of keys each time grew with the history
 * (thousands of rows per generation for a learner with thousands of challenges). Each lookup
 * still reads the keys stored after the last one known, by any process, so a challenge another
 * server stored is avoided too. One stored by a transaction that commits after a later id was
 * read can be missed: the cost is a possible repeat of one challenge, never a wrong answer.
 */
export class SeenVariants {
	private readonly cells: LRUCache<string, Known>;

	constructor(
		private readonly recentCount: number,
		maxCells = SEEN_VARIANTS_CELLS,
	) {
		this.cells = new LRUCache({ max: maxCells });
	}

	async of(db: DbOrTx, userId: string, cell: Cell): Promise<VariantHistory> {
		const name = `${userId}\u0000${cell.difficulty}\u0000${cell.language}`;
		const known = this.cells.get(name) ?? {
			lastId: 0,
			seen: new Set(),
			recent: [],
		};
		const rows = await keysAfter(db).execute({
			userId,
			after: known.lastId,
			...cell,
		});
		for (const { id, key } of rows) {
			known.lastId = Math.max(known.lastId, id);
			if (!key) continue;
			known.seen.add(key);
			known.recent.unshift(key);
		}
		known.recent.length = Math.min(known.recent.length, this.recentCount);
		this.cells.set(name, known);
		return { seen: known.seen, recent: [...known.recent] };
	}
}
