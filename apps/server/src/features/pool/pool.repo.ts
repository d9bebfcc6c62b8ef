import type { ChallengeContent, Difficulty, Language } from "@app/contract";
import {
	and,
	asc,
	count,
	eq,
	inArray,
	isNull,
	notInArray,
	or,
} from "drizzle-orm";
import { cellColumns } from "../../db/challenge-columns.js";
import type { DbOrTx } from "../../db/open-db.js";
import { challengePool } from "../../db/schema.js";

export interface Cell {
	difficulty: Difficulty;
	language: Language;
}

export type PooledChallenge = typeof challengePool.$inferSelect;

const inCell = (cell: Cell) =>
	and(
		eq(challengePool.difficulty, cell.difficulty),
		eq(challengePool.language, cell.language),
	);

/**
 * Takes the oldest ready challenge of a cell that the user has not seen, by deleting it: rows
 * locked by another transaction are skipped, so concurrent claims on any number of processes
 * never get the same row. Run it in the transaction that stores the challenge for the user.
 */
export async function claimPooled(
	db: DbOrTx,
	cell: Cell,
	seen: ReadonlySet<string>,
): Promise<PooledChallenge | undefined> {
	const unseen = seen.size
		? or(
				isNull(challengePool.variantKey),
				notInArray(challengePool.variantKey, [...seen]),
			)
		: undefined;
	const next = db
		.select({ id: challengePool.id })
		.from(challengePool)
		.where(and(inCell(cell), unseen))
		.orderBy(asc(challengePool.id))
		.limit(1)
		.for("update", { skipLocked: true });
	const [claimed] = await db
		.delete(challengePool)
		.where(inArray(challengePool.id, next))
		.returning();
	return claimed;
}

export async function countPooled(db: DbOrTx, cell: Cell): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(challengePool)
		.where(inCell(cell));
	return row?.n ?? 0;
}

export async function addPooled(
	db: DbOrTx,
	content: ChallengeContent,
	variantKey: string | null,
	now: Date,
): Promise<void> {
	await db.insert(challengePool).values({
		...cellColumns(content),
		content,
		variantKey,
		createdAt: now,
	});
}
