import { describe, expect, it } from "vitest";
import { CODE_THEMES } from "@/features/challenges/components/highlight";
import { colourSchemes, contrast } from "@/testing/contrast";
import css from "./styles.css?raw";

/** The tokens, both schemes: only the global sheet defines them. */
const schemes = colourSchemes(css);

/** The sheets next to the components they style. */
const componentSheets = import.meta.glob<string>(
	["./**/*.css", "!./styles.css"],
	{ query: "?raw", import: "default", eager: true },
);

/** The surfaces a focused control or a control's outline can sit on. */
const SURFACES = ["--bg", "--surface", "--surface-2", "--primary-soft"];

/** Every foreground colour a Shiki theme gives code, apart from the few scopes with their own background. */
async function themeColours(name: string): Promise<string[]> {
	const theme = (await import(`@shikijs/themes/${name}`)).default as {
		colors?: Record<string, string>;
		tokenColors?: { settings?: { foreground?: string; background?: string } }[];
	};
	const colours = new Set<string>();
	const foreground = theme.colors?.["editor.foreground"];
	if (foreground) colours.add(foreground.toLowerCase());
	for (const { settings } of theme.tokenColors ?? [])
		if (settings?.foreground && !settings.background)
			colours.add(settings.foreground.toLowerCase().slice(0, 7));
	return [...colours];
}

describe.each(Object.entries(schemes))(
	"the %s colour scheme",
	(scheme, colours) => {
		const colour = (name: string) => {
			const value = colours[name];
			if (!value)
				throw new Error(`${name} is not a #rrggbb colour in ${scheme}`);
			return value;
		};

		it("draws the focus ring at 3:1 or more against every surface (WCAG 2.4.11/1.4.11)", () => {
			for (const surface of SURFACES)
				expect(
					contrast(colour("--focus"), colour(surface)),
					`--focus on ${surface}`,
				).toBeGreaterThanOrEqual(3);
		});

		it("outlines controls at 3:1 or more against the page and the card (WCAG 1.4.11)", () => {
			for (const surface of ["--bg", "--surface"])
				expect(
					contrast(colour("--control-border"), colour(surface)),
					`--control-border on ${surface}`,
				).toBeGreaterThanOrEqual(3);
		});

		it("highlights code with colours of 4.5:1 or more on the code background", async () => {
			const theme = CODE_THEMES[scheme as keyof typeof CODE_THEMES];
			const colours = await themeColours(theme);
			expect(colours.length).toBeGreaterThan(5);
			for (const foreground of colours)
				expect(
					contrast(foreground, colour("--code-bg")),
					`${theme} ${foreground} on --code-bg`,
				).toBeGreaterThanOrEqual(4.5);
		});
	},
);

describe("the components' stylesheets", () => {
	it("take every colour from the tokens, so the checks above cover what they draw", () => {
		const sheets = Object.entries(componentSheets);
		expect(sheets.length).toBeGreaterThan(10);
		for (const [file, sheet] of sheets)
			expect(sheet, file).not.toMatch(
				/#[0-9a-f]{3,8}\b|\b(?:rgb|hsl|hwb|lab|lch|oklab|oklch)a?\(|--[\w-]+\s*:/i,
			);
	});
});
