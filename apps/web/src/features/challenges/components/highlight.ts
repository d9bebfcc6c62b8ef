import type { Language } from "@app/contract";
import type { HighlighterCore } from "shiki/core";

/** Shiki's high-contrast GitHub themes: their colours reach 4.5:1 on --code-bg (styles.test.ts checks it). */
export const CODE_THEMES = {
	light: "github-light-high-contrast",
	dark: "github-dark-high-contrast",
} as const;

let highlighter: Promise<HighlighterCore> | undefined;

/** Loads Shiki once, lazily: its core, the JavaScript regex engine (no WebAssembly), two grammars, two themes. */
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
			langs: [
				import("@shikijs/langs/python"),
				import("@shikijs/langs/javascript"),
			],
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
		lang: language,
		themes: CODE_THEMES,
		defaultColor: false,
	});
}
