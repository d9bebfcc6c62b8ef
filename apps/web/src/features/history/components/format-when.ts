const DAY_MS = 86_400_000;

const startOfDay = (date: Date) =>
	new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/** "Today, 14:05", "Yesterday, 09:12", "Nov 25, 14:05", or with the year when it is not this one; local time. */
export function formatWhen(
	iso: string,
	now: Date = new Date(),
	locale?: string,
): string {
	const date = new Date(iso);
	const time = date.toLocaleTimeString(locale, {
		hour: "2-digit",
		minute: "2-digit",
	});
	// calendar days, not 24-hour spans: 23:50 yesterday is "Yesterday" at 00:10 today
	const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
	if (days === 0) return `Today, ${time}`;
	if (days === 1) return `Yesterday, ${time}`;
	const day = date.toLocaleDateString(locale, {
		month: "short",
		day: "numeric",
		year: date.getFullYear() === now.getFullYear() ? undefined : "numeric",
	});
	return `${day}, ${time}`;
}
