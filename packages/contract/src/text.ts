import { z } from "zod";
import { USER_ID_MAX_LENGTH } from "./constants.js";

/**
 * Control characters (C0, DEL, C1: PostgreSQL cannot store NUL in text), the Unicode line and
 * paragraph separators, and lone surrogates (UTF-8 cannot encode them; in a `u` regex a
 * surrogate only matches when it has no partner).
 */
const SINGLE_LINE_REFUSED = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;
/** The same, but tab and line breaks are allowed. */
const MULTILINE_REFUSED = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

export interface TextOptions {
	/** the longest value accepted, in UTF-16 code units (JavaScript's `length`) */
	max: number;
	/** tab and line breaks are allowed (no request field needs them yet) */
	multiline?: boolean;
}

/** Whether a string can be stored and shown as it is: no control character (but tab and line breaks when `multiline`), no lone surrogate. */
export function isCleanText(value: string, multiline = false): boolean {
	return !(multiline ? MULTILINE_REFUSED : SINGLE_LINE_REFUSED).test(value);
}

export const UNCLEAN_TEXT_MESSAGE =
	"must not contain control characters or unpaired surrogates";

/**
 * A text field of a request: at most `max` long, no control character, no lone surrogate. It judges
 * the value as sent, before any `.trim()` chained after it, so where the character sits does not
 * matter.
 */
export function textField({ max, multiline = false }: TextOptions) {
	return z
		.string()
		.max(max, `must be at most ${max} characters`)
		.refine((value) => isCleanText(value, multiline), UNCLEAN_TEXT_MESSAGE);
}

/** A user id (a session token's `sub`, a Clerk event's `data.id`): text that the database can store as it is. */
export const UserIdSchema = textField({ max: USER_ID_MAX_LENGTH }).min(1);
