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
