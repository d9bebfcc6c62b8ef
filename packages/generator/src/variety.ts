import { hash32 } from "./rng.js";

/** How many of a user's latest challenges in a cell a new one should not look like. */
export const LOOK_WINDOW = 50;

const KEYWORDS = new Set(
	[
		// Python
		"False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield print",
		// JavaScript
		"const let var function return if else for of in while do switch case default break continue new this class extends super typeof instanceof void delete try catch finally throw async await yield null undefined true false NaN Infinity console log",
	]
		.join(" ")
		.split(" "),
);

const STRING =
	/[rbfu]?"""[\s\S]*?"""|[rbfu]?'''[\s\S]*?'''|[rbfu]?"(?:[^"\\\n]|\\.)*"|[rbfu]?'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
const NUMBER = /\b\d+(?:\.\d+)?(?:e-?\d+)?n?\b/g;
const WORD = /(\.?)\b([A-Za-z_$][\w$]*)\b(\s*\()?/g;

/**
 * What a snippet looks like with its particulars blanked: strings, numbers and the names it
 * chose become placeholders, while keywords and the functions and methods it calls stay, and a
 * run of such placeholders reads as one. Two snippets of one family with the same shape differ
 * only in names and values: to a learner, the same question again.
 */
export function shapeOf(code: string): string {
	return code
		.replace(STRING, "S")
		.replace(NUMBER, "N")
		.replace(WORD, (whole, dot: string, word: string, call?: string) =>
			dot || call || KEYWORDS.has(word) || word === "S" || word === "N"
				? whole
				: "x",
		)
		.replace(/([NSx])(?:\s*,\s*[NSx])+/g, "$1…")
		.replace(/\s+/g, " ")
		.trim();
}

/**
 * The key that identifies a challenge: its family, its code, and the shape of its code
 * (`<family>:<code hash>:<shape hash>`). Keys stored before shapes were added have two parts.
 */
export const variantKey = (family: { id: string }, code: string) =>
	`${family.id}:${hash32(code)}:${hash32(shapeOf(code))}`;

/** Two keys name the same challenge when family and code agree, whatever else they carry. */
export const identityOf = (key: string) => key.split(":").slice(0, 2).join(":");

/** What a challenge looks like (family and shape), or null for a key that does not say. */
export function lookOf(key: string): string | null {
	const [family, , shape] = key.split(":");
	return family && shape ? `${family}:${shape}` : null;
}
