import {
	EMAIL_MAX_LENGTH,
	ErrorBodySchema,
	PASSWORD_MAX_LENGTH,
	TOPIC_MAX_LENGTH,
	USER_ID_MAX_LENGTH,
} from "@app/contract";
import { count, sql, sum } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { authUsers } from "../../src/db/auth-schema.js";
import type { Database } from "../../src/db/open-db.js";
import {
	answers,
	challenges,
	quotaHolds,
	quotas,
	webhookDeliveries,
} from "../../src/db/schema.js";
import { newUserId, useTestContext } from "../helpers/build-test-app.js";
import { LOCAL_MODE } from "../helpers/local-accounts.js";
import { answer, generate, myHistory, quota } from "../helpers/practice.js";
import { useSharedApp } from "../helpers/shared-app.js";
import { deliver, signedEvent } from "../helpers/svix.js";
import { ENGINES } from "../helpers/test-db.js";
import { signSessionToken } from "../helpers/tokens.js";

/** Runs per property: enough to meet every kind of character several times, in seconds. */
const RUNS = { numRuns: 40 };

const char = (min: number, max: number) =>
	fc.integer({ min, max }).map((code) => String.fromCharCode(code));

/** A character no text field accepts: a C0 control (NUL among them), DEL, a C1 control, half a surrogate pair, a line separator. */
const refusedChar = fc.oneof(
	fc.constant("\u0000"),
	char(0x00, 0x1f),
	char(0x7f, 0x9f),
	char(0xd800, 0xdfff),
	fc.constantFrom("\u2028", "\u2029"),
);

/** One unit of any text: ASCII, any code point, a grapheme (emoji, combining marks), or a refused character. */
const anyUnit = fc.oneof(
	fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
	fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
	fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
	fc.constantFrom("'", '"', "\\", "%", "$1", "{{x}}", "<script>", "é", "😀"),
	refusedChar,
);
const anyText = (maxLength: number) => fc.string({ unit: anyUnit, maxLength });

/** UTF-8 round trip: false for a lone surrogate (an independent check of the server's own). */
const isWellFormed = (value: string) =>
	Buffer.from(value, "utf8").toString("utf8") === value;
const mustRefuse = (value: string, max: number) =>
	value.length > max ||
	!isWellFormed(value) ||
	/[\p{Cc}\u2028\u2029]/u.test(value);

/** A string a text field of at most `max` characters must refuse: a refused character somewhere, or too long, or very long. */
const hostileText = (max: number) =>
	fc
		.oneof(
			fc
				.tuple(anyText(20), refusedChar, anyText(20))
				.map(([before, bad, after]) => before + bad + after),
			fc.string({ unit: refusedChar, minLength: 1, maxLength: 4 }),
			fc.string({ unit: anyUnit, minLength: max + 1, maxLength: max + 100 }),
			fc
				.tuple(anyUnit, fc.integer({ min: 1_000, max: 5_000 }))
				.map(([unit, times]) => unit.repeat(times)),
		)
		.filter((value) => mustRefuse(value, max));

/** Bytes as they may appear percent-encoded in a URL: UTF-8 of any text, or bytes that are not UTF-8 at all. */
const urlComponent = fc.oneof(
	anyText(30).map((value) => encode(Buffer.from(value, "utf8"))),
	fc.uint8Array({ maxLength: 30 }).map((bytes) => encode(Buffer.from(bytes))),
	fc.string({ unit: "grapheme-ascii", maxLength: 30 }).map((value) =>
		// printable ASCII sent as it is, but for the characters that end a path or a value
		value.replace(/[\s/?#&=%+]/g, "_"),
	),
	fc.constantFrom(
		"",
		"0",
		"-1",
		"1e3",
		"0x10",
		"NaN",
		"Infinity",
		"%",
		"%zz",
		"%E0%A4%A",
		"%00",
		"%ED%A0%80",
	),
);
const encode = (bytes: Buffer) =>
	[...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** How many rows of a table, inside the one snapshot query. */
const rows = (table: PgTable) =>
	sql<number>`(select count(*) from ${table})`.mapWith(Number);

/** Everything a refused request must leave as it was, in one query. */
async function snapshot({ db }: Database) {
	const [state] = await db
		.select({
			quotas: count(),
			remaining: sum(quotas.quotaRemaining),
			holds: rows(quotaHolds),
			challenges: rows(challenges),
			answers: rows(answers),
			deliveries: rows(webhookDeliveries),
			accounts: rows(authUsers),
		})
		.from(quotas);
	if (!state) throw new Error("an aggregate query answers one row");
	return state;
}

/** The contract's error body with this status set; `field`, when given, is named in the detail. */
function expectRefusal(
	response: LightMyRequestResponse,
	statuses: number[],
	field?: string,
) {
	expect(statuses).toContain(response.statusCode);
	expect(response.headers["content-type"]).toMatch(/^application\/json/);
	const body = ErrorBodySchema.parse(response.json());
	expect(body.code).toBe(CODES[response.statusCode]);
	if (field && response.statusCode === 400)
		expect(body.detail).toContain(field);
}

const CODES: Record<number, string> = {
	400: "invalid_request",
	401: "unauthorized",
	404: "not_found",
	413: "payload_too_large",
	414: "uri_too_long",
};

describe.each(ENGINES)("hostile input on %s", (engine) => {
	// one database and one warm generator for both modes: warming the sandboxes costs the most
	const context = useTestContext(engine);

	describe("Clerk mode", () => {
		const shared = useSharedApp(context, { QUOTA_INITIAL: 1000 });

		/** Sends each generated request and checks it was refused and changed nothing. */
		async function refusedWithoutEffect<T>(
			input: fc.Arbitrary<T>,
			send: (value: T) => Promise<LightMyRequestResponse>,
			statuses: number[],
			field?: string | ((value: T) => string | undefined),
		) {
			// nothing may change: every run is compared with the state before the first
			const before = await snapshot(context.db);
			await fc.assert(
				fc.asyncProperty(input, async (value) => {
					const response = await send(value);
					expectRefusal(
						response,
						statuses,
						typeof field === "function" ? field(value) : field,
					);
					expect(await snapshot(context.db)).toEqual(before);
				}),
				RUNS,
			);
		}

		const generateField = (
			field: "difficulty" | "language" | "topic",
			max: number,
		) =>
			it(`POST /api/generate-challenge refuses a hostile ${field} with 400 before a unit is taken`, async () => {
				const { t } = shared;
				const headers = await t.auth(newUserId());
				// the user's quota row exists, so a refusal that created it would not hide a spent unit
				await quota(t, headers);
				await refusedWithoutEffect(
					hostileText(max),
					(value) =>
						generate(t, headers, {
							difficulty: "easy",
							language: "python",
							[field]: value,
						}),
					[400, 413],
					`body.${field}`,
				);
			});
		generateField("topic", TOPIC_MAX_LENGTH);
		generateField("difficulty", 10);
		generateField("language", 10);

		it("POST /api/generate-challenge refuses any idea that is not one of the catalogue's, naming the field, before a unit is taken", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			await quota(t, headers);
			await refusedWithoutEffect(
				fc.oneof(
					anyText(100),
					fc.stringMatching(/^(py|js)\.[a-z]{1,12}$/),
					fc.jsonValue(),
				),
				(idea) => generate(t, headers, { difficulty: "easy", idea }),
				[400],
				// a body with a `__proto__` key is refused whole, as prototype poisoning, before any field is read
				(idea) =>
					JSON.stringify(idea).includes('"__proto__"') ? undefined : "idea",
			);
		});

		it("POST /api/generate-challenge refuses any body the schema does not describe, never with a 5xx", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			await quota(t, headers);
			const body = fc.oneof(
				fc.jsonValue(),
				fc.record(
					{
						difficulty: fc.oneof(fc.jsonValue(), anyText(10)),
						language: fc.oneof(fc.jsonValue(), anyText(10)),
						topic: fc.oneof(fc.jsonValue(), anyText(100)),
					},
					{ requiredKeys: [] },
				),
			);
			await refusedWithoutEffect(
				// the few bodies that are valid requests would rightly generate
				body.filter(
					(value) =>
						!(
							typeof value === "object" &&
							value !== null &&
							"difficulty" in value &&
							typeof value.difficulty === "string" &&
							["easy", "medium", "hard"].includes(
								value.difficulty.toLowerCase(),
							)
						),
				),
				(value) =>
					generate(
						t,
						{ ...headers, "content-type": "application/json" },
						JSON.stringify(value),
					),
				[400],
			);
		});

		it("POST /api/generate-challenge accepts a clean topic of any script, and takes exactly one unit", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			const clean = fc
				.string({ unit: "grapheme", minLength: 1, maxLength: 20 })
				.filter(
					(value) =>
						!mustRefuse(value, TOPIC_MAX_LENGTH) && value.trim().length > 0,
				);
			await fc.assert(
				fc.asyncProperty(clean, async (topic) => {
					const before = await snapshot(context.db);
					const response = await generate(t, headers, {
						difficulty: "easy",
						language: "javascript",
						topic,
					});
					expect(response.statusCode).toBe(200);
					const after = await snapshot(context.db);
					expect(after.challenges).toBe(before.challenges + 1);
				}),
				{ numRuns: 5 },
			);
		});

		it("POST /api/challenges/{id}/answer refuses any path parameter that is not one of the caller's challenges", async () => {
			const { t } = shared;
			// a user without challenges: no id can be theirs
			const headers = await t.auth(newUserId());
			await refusedWithoutEffect(
				fc.oneof(
					urlComponent,
					fc
						.string({ unit: "grapheme-ascii", minLength: 101, maxLength: 300 })
						.map(encodeURIComponent),
				),
				(id) => answer(t, headers, id, { answer_id: 1 }),
				[400, 404, 414],
			);
		});

		it("POST /api/challenges/{id}/answer refuses any body but an option index, and records no answer", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			const challenge = (
				await generate(t, headers, { difficulty: "easy", language: "python" })
			).json();
			await refusedWithoutEffect(
				fc
					.oneof(
						fc.jsonValue(),
						fc.record({ answer_id: fc.oneof(fc.jsonValue(), anyText(10)) }),
					)
					.filter(
						(value) =>
							!(
								typeof value === "object" &&
								value !== null &&
								"answer_id" in value &&
								[0, 1, 2, 3].includes(value.answer_id as number)
							),
					),
				(value) =>
					answer(
						t,
						{ ...headers, "content-type": "application/json" },
						challenge.id,
						JSON.stringify(value),
					),
				[400],
			);
		});

		/** Query strings of GET /api/my-history: its parameters and an unknown one, valid values or any bytes. */
		const historyQuery = fc
			.array(
				fc.tuple(
					fc.constantFrom(
						"limit",
						"before",
						"difficulty",
						"language",
						"result",
						"x",
					),
					fc.oneof(
						urlComponent,
						// values the schema takes, so that some of these pages reach the database
						fc.constantFrom(
							"1",
							"100",
							"2147483647",
							"EASY",
							"javascript",
							"unanswered",
							"incorrect",
						),
					),
				),
				{ maxLength: 6 },
			)
			.map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join("&"));

		it("GET /api/my-history answers 200 or 400 naming the parameter, never a 5xx, to any query string", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			await quota(t, headers);
			// nothing may change: every run is compared with the state before the first
			const before = await snapshot(context.db);
			await fc.assert(
				fc.asyncProperty(historyQuery, async (query) => {
					const response = await myHistory(t, headers, query);
					if (response.statusCode !== 200)
						expectRefusal(response, [400], "querystring");
					expect(await snapshot(context.db)).toEqual(before);
				}),
				RUNS,
			);
		});

		it("GET /api/my-history serves a learner's page as it would alone, whatever pages are read in the same batch", async () => {
			const { t } = shared;
			const learner = await t.auth(newUserId());
			const other = await t.auth(newUserId());
			for (const headers of [learner, other])
				for (const language of ["python", "javascript"])
					expect(
						(await generate(t, headers, { difficulty: "easy", language }))
							.statusCode,
					).toBe(200);
			const alone = await myHistory(t, learner, "limit=5");
			expect(alone.statusCode).toBe(200);
			await fc.assert(
				fc.asyncProperty(
					fc.array(historyQuery, { minLength: 2, maxLength: 8 }),
					async (queries) => {
						// asked at once: two valid pages start the reads at once, and the pages asked while
						// they run, the learner's last, go together in the next (batched-reads.ts)
						const responses = await Promise.all([
							...["limit=1", "result=incorrect", ...queries].map((query) =>
								myHistory(t, other, query),
							),
							myHistory(t, learner, "limit=5"),
						]);
						const mine = responses.pop();
						expect(mine?.statusCode).toBe(200);
						expect(mine?.body).toBe(alone.body);
						const theirs = responses;
						for (const response of theirs)
							if (response.statusCode !== 200)
								expectRefusal(response, [400], "querystring");
					},
				),
				RUNS,
			);
		});

		it("answers any unknown /api path with 404 or 400 in the contract's shape", async () => {
			const { t } = shared;
			await refusedWithoutEffect(
				fc.array(urlComponent, { minLength: 1, maxLength: 3 }),
				(segments) =>
					t.app.inject({ method: "GET", url: `/api/x/${segments.join("/")}` }),
				[400, 404, 414],
			);
		});

		it("GET /api/misconceptions answers 200 or 400 naming the parameter, never a 5xx, to any query string", async () => {
			const { t } = shared;
			const headers = await t.auth(newUserId());
			await quota(t, headers);
			const query = fc.array(
				fc.tuple(fc.constantFrom("limit", "offset", "x"), urlComponent),
				{ maxLength: 4 },
			);
			const before = await snapshot(context.db);
			await fc.assert(
				fc.asyncProperty(query, async (pairs) => {
					const response = await t.app.inject({
						method: "GET",
						url: `/api/misconceptions?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`,
						headers,
					});
					if (response.statusCode !== 200)
						expectRefusal(response, [400], "querystring");
					expect(await snapshot(context.db)).toEqual(before);
				}),
				RUNS,
			);
		});

		it("refuses a validly signed token whose sub the database cannot store with 401 on every protected route", async () => {
			const { t } = shared;
			const routes = [
				{ method: "GET", url: "/api/quota" },
				{ method: "GET", url: "/api/my-history" },
				{ method: "GET", url: "/api/stats" },
				{ method: "GET", url: "/api/misconceptions" },
				{ method: "GET", url: "/api/challenges/1" },
				{ method: "GET", url: "/api/my-history/export?format=csv" },
				{
					method: "POST",
					url: "/api/generate-challenge",
					payload: { difficulty: "easy" },
				},
				{
					method: "POST",
					url: "/api/challenges/1/answer",
					payload: { answer_id: 0 },
				},
			] as const;
			await refusedWithoutEffect(
				fc.tuple(hostileText(USER_ID_MAX_LENGTH), fc.constantFrom(...routes)),
				async ([sub, route]) =>
					t.app.inject({
						...route,
						headers: {
							authorization: `Bearer ${await signSessionToken(context.keys, sub)}`,
						},
					}),
				[401],
			);
		});

		it("accepts a signed token whose sub is clean text in any script", async () => {
			const { t } = shared;
			const response = await quota(t, await t.auth(`user_é😀_${newUserId()}`));
			expect(response.statusCode).toBe(200);
		});

		it("POST /webhooks/clerk refuses a signed event whose data.id or type cannot be stored, with 400 and no delivery recorded", async () => {
			const { t } = shared;
			await refusedWithoutEffect(
				fc.oneof(
					fc.record({
						type: fc.constantFrom("user.created", "user.deleted"),
						id: hostileText(USER_ID_MAX_LENGTH),
					}),
					fc.record({ type: hostileText(255), id: fc.constant(newUserId()) }),
				),
				({ type, id }) => deliver(t, signedEvent({ type, data: { id } })),
				[400, 413],
				({ id }) =>
					mustRefuse(id, USER_ID_MAX_LENGTH) ? "body.data.id" : "body.type",
			);
		});
	});

	describe("local accounts", () => {
		const shared = useSharedApp(context, LOCAL_MODE);

		const fields = [
			["sign-up", "email", EMAIL_MAX_LENGTH],
			["sign-up", "password", PASSWORD_MAX_LENGTH],
			["sign-in", "email", EMAIL_MAX_LENGTH],
			["sign-in", "password", PASSWORD_MAX_LENGTH],
		] as const;

		it.each(fields)(
			"POST /api/auth/%s refuses a hostile %s with 400 and creates no account",
			async (route, field, max) => {
				const { t } = shared;
				// nothing may change: every run is compared with the state before the first
				const before = await snapshot(context.db);
				await fc.assert(
					fc.asyncProperty(hostileText(max), async (value) => {
						const response = await t.app.inject({
							method: "POST",
							url: `/api/auth/${route}`,
							payload: {
								email: `${newUserId()}@example.com`,
								password: "correct horse battery",
								[field]: value,
							},
						});
						// refused before the sign-up and sign-in limits count anything
						expectRefusal(response, [400, 413], `body.${field}`);
						expect(await snapshot(context.db)).toEqual(before);
						expect(response.headers["set-cookie"]).toBeUndefined();
					}),
					RUNS,
				);
			},
		);
	});
});
