import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { loggerOptions } from "./logger.js";

/** A Fastify logger of this config, writing into an array. */
function capture(env: Record<string, string>) {
	const lines: string[] = [];
	const app = Fastify({
		logger: loggerOptions(loadConfig({ LOG_LEVEL: "info", ...env }), {
			write: (line) => lines.push(line),
		}),
	});
	return { log: app.log, lines };
}

describe("loggerOptions", () => {
	it("cuts every configured secret out of log lines, the database password decoded or not", () => {
		const { log, lines } = capture({
			OPENAI_API_KEY: "sk-live-openai-key-123",
			CLERK_SECRET_KEY: "sk_test_clerk_secret_456",
			CLERK_WEBHOOK_SECRET: "whsec_c2VjcmV0LXdlYmhvb2sta2V5",
			DATABASE_URL: "postgres://app:p%40ss%22word%5C1@db.example/app",
		});
		log.error(
			{
				err: new Error(
					"refused sk-live-openai-key-123 and sk_test_clerk_secret_456",
				),
				url: "postgres://app:p%40ss%22word%5C1@db.example/app",
				echoed: 'p@ss"word\\1',
				webhook: "whsec_c2VjcmV0LXdlYmhvb2sta2V5",
			},
			"failure",
		);
		const output = lines.join("");
		for (const secret of [
			"sk-live-openai-key-123",
			"sk_test_clerk_secret_456",
			"whsec_c2VjcmV0LXdlYmhvb2sta2V5",
			"p%40ss%22word%5C1",
			'p@ss\\"word\\\\1',
		])
			expect(output).not.toContain(secret);
		expect(JSON.parse(output)).toMatchObject({
			msg: "failure",
			echoed: "[redacted]",
			url: "postgres://app:[redacted]@db.example/app",
		});
	});

	it("leaves lines alone when no secret is configured, and ignores values too short to be one", () => {
		const { log, lines } = capture({
			DATABASE_URL: "postgres://app:pw@db.example/app",
		});
		log.info({ note: "pw is short" }, "ready");
		expect(JSON.parse(lines.join(""))).toMatchObject({
			msg: "ready",
			note: "pw is short",
		});
	});
});
