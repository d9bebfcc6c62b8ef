import {
	DIFFICULTIES,
	type Difficulty,
	LANGUAGES,
	type Language,
} from "@app/contract";
import { type GenerateResult, identityOf, lookOf } from "@app/generator";
import {
	and,
	asc,
	count,
	eq,
	inArray,
	isNull,
	notInArray,
	or,
	sql,
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

/** The parts `<family>:<code hash>:<shape hash>` of a pooled challenge's variant key (see @app/generator). */
const keyPart = (n: number) =>
	sql<string>`split_part(${challengePool.variantKey}, ':', ${sql.raw(String(n))})`;
/** Family and code: what identityOf gives. */
const identity = sql<string>`${keyPart(1)} || ':' || ${keyPart(2)}`;
/** Family and shape: what lookOf gives. */
const look = sql<string>`${keyPart(1)} || ':' || ${keyPart(3)}`;

/**
 * Takes the oldest ready challenge of a cell that the user has not seen, and that looks like
 * none of their recent ones, by deleting it: rows locked by another transaction are skipped,
 * so concurrent claims on any number of processes never get the same row. Run it in the
 * transaction that stores the challenge for the user.
 */
export async function claimPooled(
	db: DbOrTx,
	cell: Cell,
	history: { seen: ReadonlySet<string>; recent: readonly string[] },
): Promise<PooledChallenge | undefined> {
	const identities = [...history.seen].map(identityOf);
	const looks = history.recent.flatMap((key) => lookOf(key) ?? []);
	const unseen =
		identities.length || looks.length
			? or(
					isNull(challengePool.variantKey),
					and(
						identities.length ? notInArray(identity, identities) : undefined,
						looks.length ? notInArray(look, looks) : undefined,
					),
				)
			: undefined;
	const next = db.$with("next").as(
		db
			.select({ id: challengePool.id })
			.from(challengePool)
			.where(and(inCell(cell), unseen))
			.orderBy(asc(challengePool.id))
			.limit(1)
			.for("update", { skipLocked: true }),
	);
	// a CTE, run once: as an IN (subquery), the planner may join it to the table in ways that
	// claimed nothing once the table had statistics (a hash semi join over a locking subquery)
	const [claimed] = await db
		.with(next)
		.delete(challengePool)
		.where(inArray(challengePool.id, db.select({ id: next.id }).from(next)))
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

/** How many ready challenges each cell holds, every cell listed (an empty one with 0). */
export async function poolDepths(
	db: DbOrTx,
): Promise<(Cell & { ready: number })[]> {
	const rows = await db
		.select({
			difficulty: challengePool.difficulty,
			language: challengePool.language,
			ready: count(),
		})
		.from(challengePool)
		.groupBy(challengePool.difficulty, challengePool.language);
	return DIFFICULTIES.flatMap((difficulty) =>
		LANGUAGES.map((language) => ({
			difficulty,
			language,
			ready:
				rows.find(
					(row) => row.difficulty === difficulty && row.language === language,
				)?.ready ?? 0,
		})),
	);
}

/** Keeps a generated challenge ready, with what the generator knows of its options' beliefs. */
export async function addPooled(
	db: DbOrTx,
	{
		challenge,
		diagnosis,
		variantKey,
	}: Pick<GenerateResult, "challenge" | "diagnosis" | "variantKey">,
	now: Date,
): Promise<void> {
	await db.insert(challengePool).values({
		...cellColumns(challenge),
		content: challenge,
		diagnosis,
		variantKey,
		createdAt: now,
	});
}
