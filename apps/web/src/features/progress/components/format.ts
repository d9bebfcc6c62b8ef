/** 0.756 → "76%" */
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

const dayFormat = new Intl.DateTimeFormat(undefined, {
	month: "short",
	day: "numeric",
	timeZone: "UTC",
});

/** "2025-11-25" → "Nov 25"; the stats' days are UTC days, so they are read and shown in UTC. */
export const formatDay = (date: string) =>
	dayFormat.format(new Date(`${date}T00:00:00Z`));

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** An ISO timestamp as a date in the reader's locale and time zone: "Nov 25, 2026". */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
