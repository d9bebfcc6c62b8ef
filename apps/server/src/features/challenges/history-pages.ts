import { HistoryItemSchema, type HistoryQuery } from "@app/contract";
import { LRUCache } from "lru-cache";
import type { DbOrTx } from "../../db/open-db.js";
import { jsonSerializerFor } from "../../plugins/fast-serializer.js";
import {
	type HistoryKey,
	historyPageKeys,
	historyRowsByIds,
} from "./challenges.repo.js";
import { toHistoryItem } from "./to-response.js";

/** Bytes of written history items a process keeps: about ten thousand items. */
export const HISTORY_ITEM_CACHE_BYTES = 16 * 1024 * 1024;

/** An item as JSON; zod checks and writes it if its schema ever stops being JSON Schema. */
const writeItem =
	jsonSerializerFor(HistoryItemSchema) ??
	((item: unknown) => JSON.stringify(HistoryItemSchema.parse(item)));

/**
 * A challenge is never changed once written and an answer is written once (the unique challenge
 * id of `answers`), so a challenge id and the option answered name one state of a history item.
 */
const keyOf = ({ id, answerId }: HistoryKey) => `${id}:${answerId ?? ""}`;

const OPEN = Buffer.from('{"challenges":[');
const COMMA = Buffer.from(",");

/**
 * GET /api/my-history's body, written from items already written once. A page is read as keys
 * (ids and answers, from the index, no content), and only items this process has not written in
 * their current state are read in full and written; the rest come from memory as bytes. Writing an
 * item was most of a page's cost: reading its text columns, shaping it, escaping its code and
 * explanation, and encoding the string for the socket, for the same items on every visit. The
 * cache is bounded (least recently used items go first) and safe with several processes: what
 * names an item's state is in the keys every page reads from the database, never in the cache.
 */
export function createHistoryPages(maxBytes = HISTORY_ITEM_CACHE_BYTES) {
	const written = new LRUCache<string, Buffer>({
		maxSize: maxBytes,
		sizeCalculation: (item) => item.length,
	});

	/** Reads and writes the items no page has written yet in their current state. */
	async function writeMissing(
		db: DbOrTx,
		userId: string,
		keys: readonly HistoryKey[],
	): Promise<Map<number, Buffer>> {
		const rows = await historyRowsByIds(
			db,
			userId,
			keys.map((key) => key.id),
		);
		const items = new Map<number, Buffer>();
		for (const row of rows) {
			const item = Buffer.from(writeItem(toHistoryItem(row)));
			// the row's own state: it may have been answered since the keys were read
			written.set(
				keyOf({ id: row.id, answerId: row.answer?.answerId ?? null }),
				item,
			);
			items.set(row.id, item);
		}
		return items;
	}

	return async function historyPageBody(
		db: DbOrTx,
		userId: string,
		query: HistoryQuery,
	): Promise<Buffer> {
		const { keys, nextCursor } = await historyPageKeys(db, userId, query);
		const found = keys.map((key) => written.get(keyOf(key)));
		const missing = keys.filter((_, index) => !found[index]);
		const read = missing.length
			? await writeMissing(db, userId, missing)
			: undefined;
		const parts: Buffer[] = [OPEN];
		for (const [index, key] of keys.entries()) {
			// a challenge gone since its key was read (its account deleted) is left out
			const item = found[index] ?? read?.get(key.id);
			if (!item) continue;
			if (parts.length > 1) parts.push(COMMA);
			parts.push(item);
		}
		parts.push(Buffer.from(`],"next_cursor":${nextCursor}}`));
		return Buffer.concat(parts);
	};
}
