// A position past the end is a family's bug: it must fail loudly, not print "undefined" or fall
// back to another item, which would serve a challenge whose answer is wrong.

/** The item at index `i` of a list; throws when there is none. */
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
