import type { FastifyServerOptions } from "fastify";
import type { Config } from "./config.js";

/** Shorter values are no secret worth the name, and cutting them out would mangle every line. */
const MIN_SECRET_LENGTH = 8;
const CENSOR = "[redacted]";

/** Where log lines are written: stdout, or what a test reads them from. */
export interface LogStream {
	write(line: string): unknown;
}

/** The configured secrets, as they could appear in a log line. */
export function secretsOf(config: Config): string[] {
	const values = [
		config.auth.clerk.secretKey,
		config.auth.clerk.webhookSecret,
		config.generator.openai.apiKey,
		config.metricsToken,
	];
	if (config.databaseUrl) {
		const { password } = new URL(config.databaseUrl);
		values.push(password, decodeURIComponent(password));
	}
	const secrets = values.filter(
		(value): value is string =>
			value !== null && value.length >= MIN_SECRET_LENGTH,
	);
	// inside a JSON log line, a quote or a backslash in a secret arrives escaped
	const escaped = secrets.map((secret) => JSON.stringify(secret).slice(1, -1));
	return [...new Set([...secrets, ...escaped])];
}

/**
 * Fastify's logger, writing JSON lines to stdout with every configured secret cut out. Request
 * logs carry no headers and no bodies (plugins/request-log.ts), so never tokens or cookies, but
 * an error can quote a secret: an OpenAI-compatible proxy may echo the API key it refused.
 */
export function loggerOptions(
	config: Config,
	out: LogStream = process.stdout,
): NonNullable<FastifyServerOptions["logger"]> {
	const secrets = secretsOf(config);
	return {
		level: config.logLevel,
		stream: {
			write(line: string) {
				let clean = line;
				for (const secret of secrets) clean = clean.replaceAll(secret, CENSOR);
				out.write(clean);
			},
		},
	};
}
