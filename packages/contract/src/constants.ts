/**
 * Values of the contract with no zod attached, so the web app can import them without bundling
 * the schemas (`@app/contract/constants`). The schemas in this package are built from them.
 */
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const LANGUAGES = ["python", "javascript"] as const;
export const VERIFICATIONS = [
	"executed",
	"corrected",
	"not_runnable",
	"not_applicable",
] as const;
/**
 * What a challenge asks: what the code prints; what happens when it runs (output and/or the
 * exception raised); which option fills the blank; which one-line change fixes the bug.
 */
export const CHALLENGE_KINDS = [
	"output",
	"error",
	"fill-in",
	"fix-the-bug",
] as const;
export const HISTORY_RESULTS = ["correct", "incorrect", "unanswered"] as const;
export const TOPIC_MAX_LENGTH = 80;
export const OPTION_COUNT = 4;
export const HISTORY_MAX_LIMIT = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;
/** Clerk's user ids are about 32 characters; anything this long is not one, from Clerk or a local account. */
export const USER_ID_MAX_LENGTH = 255;
/** Idea ids (`py.aliasing`) and misconception ids (`py.aliasing.assignment-copies`) are short. */
export const IDEA_ID_MAX_LENGTH = 80;
export const MISCONCEPTIONS_MAX_LIMIT = 100;
/** What GET /api/my-history/export writes. */
export const EXPORT_FORMATS = ["json", "csv"] as const;
/** What a learner's misconception is, judged by their last answers on its idea. */
export const MISCONCEPTION_STATUSES = ["open", "resolved"] as const;
