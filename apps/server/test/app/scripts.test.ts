import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ChallengeContentSchema } from "@app/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/open-db.js";
import {
	buildTestApp,
	newUserId,
	useTestContext,
} from "../helpers/build-test-app.js";
import {
	LOCAL_MODE,
	signIn,
	signUp,
	tokenFor,
} from "../helpers/local-accounts.js";
import { generate, myHistory } from "../helpers/practice.js";
import { WEBHOOK_SECRET } from "../helpers/svix.js";

const exec = promisify(execFile);
const scriptPath = (name: string) =>
	fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));
const tsx = import.meta.resolve("tsx");

/** Runs a script the way `npm run <script>` does, from an empty folder so no .env is picked up. */
async function runScript(
	name: string,
	args: string[],
	env: Record<string, string>,
) {
	try {
		const { stdout, stderr } = await exec(
			process.execPath,
			["--conditions", "source", "--import", tsx, scriptPath(name), ...args],
			{
				cwd: folder,
				env: { PATH: process.env.PATH ?? "", ...env },
				timeout: 30_000,
			},
		);
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

let folder = "";
beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), "cct-scripts-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("npm run webhook:send", () => {
	const context = useTestContext("pglite");

	it("signs Clerk events that the running server accepts, processes and deduplicates", async () => {
		const t = await buildTestApp(context);
		const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
		const url = `${address}/webhooks/clerk`;
		const userId = newUserId();
		const headers = await t.auth(userId);
		await generate(t, headers, {
			difficulty: "medium",
			language: "javascript",
		});
		const env = { CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET };

		const created = await runScript(
			"webhook-send.ts",
			["user.created", "--user", userId, "--url", url],
			env,
		);
		expect(created).toMatchObject({
			code: 0,
			output: expect.stringContaining('{"status":"processed"}'),
		});

		const deleted = await runScript(
			"webhook-send.ts",
			["user.deleted", "--user", userId, "--url", url, "--id", "msg_fixed"],
			env,
		);
		expect(deleted.output).toContain('{"status":"processed"}');
		expect((await myHistory(t, headers)).json().challenges).toEqual([]);

		const again = await runScript(
			"webhook-send.ts",
			["user.deleted", "--user", userId, "--url", url, "--id", "msg_fixed"],
			env,
		);
		expect(again.output).toContain('{"status":"duplicate"}');
	});

	it("says what to set when CLERK_WEBHOOK_SECRET is missing", async () => {
		const result = await runScript(
			"webhook-send.ts",
			["user.created", "--user", "user_1"],
			{},
		);
		expect(result.code).toBe(2);
		expect(result.output).toContain("CLERK_WEBHOOK_SECRET is not set");
	});
});

describe("npm run generate", () => {
	it("prints the requested number of verified challenges, as JSON lines with --json", async () => {
		const result = await runScript(
			"generate.ts",
			[
				"--difficulty",
				"hard",
				"--language",
				"javascript",
				"--count",
				"3",
				"--json",
			],
			{},
		);
		expect(result.code).toBe(0);
		const challenges = result.output
			.trim()
			.split("\n")
			.map((line) => ChallengeContentSchema.parse(JSON.parse(line)));
		expect(challenges).toHaveLength(3);
		for (const challenge of challenges) {
			expect(challenge).toMatchObject({
				difficulty: "hard",
				language: "javascript",
				verification: "executed",
			});
		}
	});

	it.each([
		["output", "verified: the sandbox printed the marked answer"],
		["error", "verified: the sandbox's run did what the marked answer says"],
		["fill-in", "only the marked one prints the stated output"],
		["fix-the-bug", "only the marked one passes them all"],
	])(
		"shows a challenge of kind %s, its marked answer and how it was verified",
		async (kind, verified) => {
			const result = await runScript(
				"generate.ts",
				[
					"--difficulty",
					"easy",
					"--language",
					"python",
					"--kind",
					kind,
					"--count",
					"1",
				],
				{},
			);
			expect(result.output).toContain("✓");
			expect(result.output).toContain(verified);
			// what it asks and where its code runs
			expect(result.output).toContain(`· easy · ${kind} · Python 3 ·`);
		},
	);

	it("practises one idea with --idea, in the idea's language, and names the belief behind each wrong option", async () => {
		const result = await runScript(
			"generate.ts",
			["--difficulty", "medium", "--idea", "js.type-coercion", "--count", "1"],
			{},
		);
		expect(result.code).toBe(0);
		expect(result.output).toContain("[idea: js.type-coercion]");
		expect(result.output).toContain("Node.js");
		expect(result.output).toMatch(/← js\.type-coercion\.[a-z0-9+-]+/);
	});

	it.each([
		[["--difficulty", "extreme"]],
		[["--kind", "essay"]],
		[["--idea", "py.no-such-idea"]],
	])("refuses %j with its usage", async (args) => {
		const result = await runScript("generate.ts", args, {});
		expect(result.code).toBe(2);
		expect(result.output).toContain("Usage: npm run generate");
	});
});

describe("npm run account:reset-password", () => {
	const context = useTestContext("pglite");

	it("sets a new password for a local account and signs it out everywhere", async () => {
		const dataDir = join(folder, "reset");
		const env = { DATA_DIR: dataDir };
		const open = () => openDb({ databaseUrl: null, dataDir });
		let database = await open();
		const before = await buildTestApp(context, {
			env: LOCAL_MODE,
			db: database,
		});
		const { cookie } = await signUp(
			before,
			"Reset@Example.com",
			"the old password",
		);
		await before.app.close();
		await database.close();

		const resetTo = (password: string) =>
			runScript(
				"reset-password.ts",
				["--email", "reset@example.com", "--password", password],
				env,
			);
		expect(await resetTo("the new password")).toMatchObject({
			code: 0,
			output: expect.stringContaining("is reset"),
		});
		const missing = await runScript(
			"reset-password.ts",
			["--email", "nobody@example.com"],
			env,
		);
		expect(missing.code).toBe(1);
		// sign-up's rule holds here too: a common password is refused and nothing changes
		expect(await resetTo("password123")).toMatchObject({
			code: 2,
			output: expect.stringContaining("is too easy to guess"),
		});

		database = await open();
		const after = await buildTestApp(context, {
			env: LOCAL_MODE,
			db: database,
		});
		expect((await tokenFor(after, cookie)).statusCode).toBe(401);
		expect(
			(await signIn(after, "reset@example.com", "the old password")).statusCode,
		).toBe(401);
		expect(
			(await signIn(after, "reset@example.com", "the new password")).statusCode,
		).toBe(200);
		await after.app.close();
		await database.close();
	});
});

describe("npm run tunnel", () => {
	it("explains how to get and set NGROK_AUTHTOKEN when it is missing", async () => {
		const result = await runScript("tunnel.ts", [], {});
		expect(result.code).toBe(2);
		expect(result.output).toContain("NGROK_AUTHTOKEN is not set");
		expect(result.output).toContain("dashboard.ngrok.com");
	});
});
