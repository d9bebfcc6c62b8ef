import type { HistoryItem } from "@app/contract";

/** The CSV export's columns, in order, and how each is read from a history item. */
const COLUMNS: [
	string,
	(item: HistoryItem) => string | number | boolean | null,
][] = [
	["id", (c) => c.id],
	["date_created", (c) => c.date_created],
	["difficulty", (c) => c.difficulty],
	["language", (c) => c.language],
	["kind", (c) => c.kind],
	["idea", (c) => c.idea?.name ?? null],
	["title", (c) => c.title],
	["code", (c) => c.code],
	["correct_answer", (c) => c.options[c.correct_answer_id] ?? null],
	[
		"your_answer",
		(c) => (c.answer ? (c.options[c.answer.answer_id] ?? null) : null),
	],
	["correct", (c) => c.answer?.correct ?? null],
	["answered_at", (c) => c.answer?.answered_at ?? null],
	["misconception", (c) => c.answer?.misconception?.statement ?? null],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A text that a
 * spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe, since
 * snippets and options are free text.
 */
function field(value: string | number | boolean | null): string {
	if (value === null) return "";
	if (typeof value !== "string") return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A user's history as CSV, one row per challenge, with a header row; lines end in CRLF. */
export const historyCsv = (items: readonly HistoryItem[]): string =>
	[
		COLUMNS.map(([name]) => name),
		...items.map((item) => COLUMNS.map(([, read]) => field(read(item)))),
	]
		.map((row) => `${row.join(",")}\r\n`)
		.join("");
