import type { Language } from "@app/contract";
import type { HighlighterCore } from "shiki/core";

let highlighter: Promise<HighlighterCore> | undefined;

/** Loads Shiki once, lazily: its core, the JavaScript regex engine (no WebAssembly), two grammars, two themes. */
function loadHighlighter(): Promise<HighlighterCore> {
	highlighter ??= Promise.all([
		import("shiki/core"),
		import("shiki/engine/javascript"),
	]).then(([{ createHighlighterCore }, { createJavaScriptRegexEngine }]) =>
		createHighlighterCore({
			themes: [
				import("@shikijs/themes/github-light"),
				import("@shikijs/themes/github-dark"),
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
		themes: { light: "github-light", dark: "github-dark" },
		defaultColor: false,
	});
}
