import type { Family } from "./templates/family.js";

const words = (text: string) =>
	text
		.toLowerCase()
		.split(/[^a-z0-9+#]+/)
		.filter((word) => word.length >= 3);

/** True when a word of the user's topic names one of the family's tags or appears in its title. */
export function matchesTopic(family: Family, topic: string): boolean {
	const vocabulary = [family.title, ...family.topics].join(" ").toLowerCase();
	return words(topic).some(
		(word) =>
			vocabulary.includes(word) || family.topics.some((t) => word.includes(t)),
	);
}
