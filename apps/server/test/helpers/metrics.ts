import type { TestApp } from "./build-test-app.js";

/** METRICS_TOKEN of the tests' apps; long enough for config's minimum. */
export const METRICS_TOKEN = "test-metrics-token-0123456789";

export const scrapeRequest = (t: TestApp, authorization?: string) =>
	t.app.inject({
		method: "GET",
		url: "/metrics",
		headers: authorization ? { authorization } : {},
	});

interface Sample {
	name: string;
	labels: Record<string, string>;
	value: number;
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** Prometheus's text format, read back into samples (comments skipped). */
export function parseMetrics(text: string): Sample[] {
	return text.split("\n").flatMap((line) => {
		const match = LINE.exec(line);
		if (!match) return [];
		const [, name = "", labels = "", value = ""] = match;
		return [
			{
				name,
				labels: Object.fromEntries(
					[...labels.matchAll(LABEL)].map(([, key = "", v = ""]) => [key, v]),
				),
				value: Number(value),
			},
		];
	});
}

/** One scrape: the sum of the samples of a name whose labels include the given ones. */
export interface Scrape {
	value(name: string, labels?: Record<string, string>): number;
	has(name: string): boolean;
	samples: Sample[];
}

/** GET /metrics with the tests' token, read back. */
export async function scrape(t: TestApp): Promise<Scrape> {
	const response = await scrapeRequest(t, `Bearer ${METRICS_TOKEN}`);
	if (response.statusCode !== 200)
		throw new Error(`GET /metrics answered ${response.statusCode}`);
	const samples = parseMetrics(response.body);
	const matching = (name: string, labels: Record<string, string>) =>
		samples.filter(
			(sample) =>
				sample.name === name &&
				Object.entries(labels).every(([key, v]) => sample.labels[key] === v),
		);
	return {
		samples,
		value: (name, labels = {}) =>
			matching(name, labels).reduce((sum, sample) => sum + sample.value, 0),
		has: (name) => samples.some((sample) => sample.name === name),
	};
}

/** How much each of `reads` moved while `action` ran, scraped before and after it. */
export async function deltas(
	t: TestApp,
	reads: Record<string, [string, Record<string, string>?]>,
	action: () => Promise<unknown>,
): Promise<Record<string, number>> {
	const before = await scrape(t);
	await action();
	const after = await scrape(t);
	return Object.fromEntries(
		Object.entries(reads).map(([key, [name, labels]]) => [
			key,
			after.value(name, labels) - before.value(name, labels),
		]),
	);
}
