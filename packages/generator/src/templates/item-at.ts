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
