import type { Language } from "@app/contract";

/**
 * Where a challenge's code runs, as the challenge names it. JavaScript runs as a Node.js
 * CommonJS script; the offline families' snippets start with "use strict" unless their point is
 * sloppy mode, which the label then states.
 */
export const RUNTIMES: Record<Language, string> = {
	python: "Python 3",
	javascript: "Node.js (CommonJS script)",
};

const SLOPPY_JAVASCRIPT = "Node.js (CommonJS script, sloppy mode)";

/** The runtime label of a family's challenges. */
export const runtimeOf = (family: {
	language: Language;
	sloppyMode?: true;
}): string =>
	family.language === "javascript" && family.sloppyMode
		? SLOPPY_JAVASCRIPT
		: RUNTIMES[family.language];
