/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => {
		const value = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	});
	const [r = 0, g = 0, b = 0] = channels;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/**
 * The custom properties of a stylesheet's `:root` rule, light and dark: the dark ones are the
 * `:root` inside `@media (prefers-color-scheme: dark)`, over the light ones.
 */
export function colourSchemes(css: string) {
	const rootBlocks = [...css.matchAll(/:root\s*\{([^}]*)\}/g)].map(
		(match) => match[1] ?? "",
	);
	const properties = (block: string) =>
		Object.fromEntries(
			[...block.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map(
				(match) => [match[1], match[2]?.toLowerCase()],
			),
		) as Record<string, string>;
	const light = properties(rootBlocks[0] ?? "");
	return { light, dark: { ...light, ...properties(rootBlocks[1] ?? "") } };
}
