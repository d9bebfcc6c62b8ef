/** "a", "a and b", "a, b and c": items joined for an explanation sentence. */
export const listed = (items: readonly string[]) =>
	items.length > 1
		? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
		: (items[0] ?? "");

/** 1st, 2nd, 3rd, 4th, 11th, 22nd… */
export const ordinal = (n: number) => {
	const suffix =
		n % 100 >= 11 && n % 100 <= 13
			? "th"
			: ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
	return `${n}${suffix ?? "th"}`;
};
