/**
 * How many proven challenges a library keeps by default. A served offline challenge is about
 * 2–3 KB of text (code, options, explanation, beliefs), so a full library holds a few MB.
 */
export const LIBRARY_CAPACITY = 2000;

interface Kept<T> {
	shelf: string;
	key: string;
	value: T;
}

/**
 * Challenges already proven by running them, kept to be served again to users who have not seen
 * them. A challenge is a pure function of its instance (its options are ordered by a hash of its
 * variant key), so serving a kept one is serving exactly what proving it again would give, without
 * the sandbox runs. Shelves group what one draw could give (a family at a difficulty). Past the
 * capacity the oldest go first, so the library follows what is being asked for.
 */
export class ProvenLibrary<T> {
	/** by variant key, oldest first */
	private readonly byKey = new Map<string, Kept<T>>();
	private readonly shelves = new Map<string, Kept<T>[]>();

	constructor(private readonly capacity = LIBRARY_CAPACITY) {}

	get size(): number {
		return this.byKey.size;
	}

	/**
	 * A kept challenge of the shelf whose key `fits`, looked for from the entry at `start` (taken
	 * modulo the shelf's length, so that users do not all walk a shelf in one order).
	 */
	find(
		shelf: string,
		start: number,
		fits: (key: string) => boolean,
	): { key: string; value: T } | undefined {
		const entries = this.shelves.get(shelf);
		if (!entries) return undefined;
		for (let i = 0; i < entries.length; i++) {
			const kept = entries[(start + i) % entries.length];
			if (kept && fits(kept.key)) return kept;
		}
		return undefined;
	}

	/** Keeps a proven challenge; a key already kept keeps its first value. */
	keep(shelf: string, key: string, value: T): void {
		if (this.capacity <= 0 || this.byKey.has(key)) return;
		const kept = { shelf, key, value };
		this.byKey.set(key, kept);
		const entries = this.shelves.get(shelf);
		if (entries) entries.push(kept);
		else this.shelves.set(shelf, [kept]);
		for (const oldest of this.byKey.values()) {
			if (this.byKey.size <= this.capacity) break;
			this.drop(oldest);
		}
	}

	private drop(kept: Kept<T>): void {
		this.byKey.delete(kept.key);
		const entries = this.shelves.get(kept.shelf) ?? [];
		entries.splice(entries.indexOf(kept), 1);
		if (entries.length === 0) this.shelves.delete(kept.shelf);
	}
}
