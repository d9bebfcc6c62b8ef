/** A seeded pseudo-random source (mulberry32): the same seed gives the same challenge. */
export interface Rng {
	/** a float in [0, 1) */
	next(): number;
	/** an integer in [min, max], both included */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** k distinct items in random order */
	sample<T>(items: readonly T[], k: number): T[];
	shuffle<T>(items: readonly T[]): T[];
	bool(): boolean;
}

/** Creates a seeded rng; the seed is any 32-bit integer. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) =>
		min + Math.floor(next() * (max - min + 1));
	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = int(0, i);
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy;
	};
	return {
		next,
		int,
		shuffle,
		pick: (items) => {
			if (items.length === 0) throw new RangeError("pick from an empty list");
			return items[int(0, items.length - 1)] as (typeof items)[number];
		},
		sample: (items, k) => shuffle(items).slice(0, k),
		bool: () => next() < 0.5,
	};
}

/** A 32-bit FNV-1a hash, for short stable keys. */
export function hash32(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, "0");
}
