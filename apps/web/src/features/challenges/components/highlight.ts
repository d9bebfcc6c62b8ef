import type { Language } from "@app/contract";
import type { HighlighterCore, LanguageRegistration } from "shiki/core";

/** Shiki's high-contrast GitHub themes: their colours reach 4.5:1 on --code-bg (styles.test.ts checks it). */
export const CODE_THEMES = {
	light: "github-light-high-contrast",
	dark: "github-dark-high-contrast",
} as const;

/**
 * Each language's Shiki grammar: its id, and its module as a literal import so Vite splits it off.
 * A language added to the contract is a type error here until it has a grammar.
 */
const GRAMMARS: Record<
	Language,
	{ id: string; load: () => Promise<{ default: LanguageRegistration[] }> }
> = {
	python: { id: "python", load: () => import("@shikijs/langs/python") },
	javascript: {
		id: "javascript",
		load: () => import("@shikijs/langs/javascript"),
	},
};

let highlighter: Promise<HighlighterCore> | undefined;

/** Loads Shiki once, lazily: its core, the JavaScript regex engine (no WebAssembly), the grammars, two themes. */
function loadHighlighter(): Promise<HighlighterCore> {
	highlighter ??= Promise.all([
		import("shiki/core"),
		import("shiki/engine/javascript"),
	]).then(([{ createHighlighterCore }, { createJavaScriptRegexEngine }]) =>
		createHighlighterCore({
			themes: [
				import("@shikijs/themes/github-light-high-contrast"),
				import("@shikijs/themes/github-dark-high-contrast"),
			],
			langs: Object.values(GRAMMARS).map((grammar) => grammar.load()),
			engine: createJavaScriptRegexEngine(),
		}),
	);
	return highlighter;
}

/** HTML of the highlighted code, with light and dark colours as CSS variables. */
export async function highlight(
	code: string,
	language: Language,
): Promise<string> {
	const shiki = await loadHighlighter();
	return shiki.codeToHtml(code, {
		lang: GRAMMARS[language].id,
		themes: CODE_THEMES,
		defaultColor: false,
	});
}
