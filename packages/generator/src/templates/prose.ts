/** "a", "a and b", "a, b and c": items joined for an explanation sentence. */
export const listed = (items: readonly string[]) =>
	items.length > 1
		? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
		: (items[0] ?? "");
