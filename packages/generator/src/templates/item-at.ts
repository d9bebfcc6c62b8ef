/**
 * The item at index `i`, for lists a family indexes by a position it computed: a position past the
 * end is a bug, and must fail loudly instead of printing "undefined" or falling back to another item.
 */
export function itemAt<T>(items: readonly T[], i: number): T {
	const item = items[i];
	if (item === undefined)
		throw new RangeError(`no item ${i} in a list of ${items.length}`);
	return item;
}

/** The first two items, as a pair (of a draw such as `rng.sample(items, 2)`); throws when there are fewer. */
export const twoOf = <T>(items: readonly T[]) =>
	[itemAt(items, 0), itemAt(items, 1)] as const;

/** The first three items, as a tuple; throws when there are fewer. */
export const threeOf = <T>(items: readonly T[]) =>
	[itemAt(items, 0), itemAt(items, 1), itemAt(items, 2)] as const;
