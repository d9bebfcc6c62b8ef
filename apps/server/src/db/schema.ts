/**
 * The one database schema, for PGlite and PostgreSQL alike. To change it: edit this file, run
 * `npm run db:generate`, review and commit the new SQL in `migrations/`. Never edit a committed
 * migration. Columns are snake_case in SQL through `casing: "snake_case"`.
 */
import {
	CHALLENGE_KINDS,
	type ChallengeContent,
	DIFFICULTIES,
	LANGUAGES,
	type Misconception,
	VERIFICATIONS,
} from "@app/contract";
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
} from "drizzle-orm/pg-core";

const instant = () => timestamp({ withTimezone: true, mode: "date" });

export const quotas = pgTable("quotas", {
	userId: text().primaryKey(),
	quotaRemaining: integer().notNull(),
	lastResetDate: instant().notNull(),
	createdAt: instant().notNull(),
});

/**
 * A unit taken from a quota while a challenge is being generated; a crash leaves it here to be
 * refunded. The owner is the server process generating it (rows from before owners have none).
 */
export const quotaHolds = pgTable(
	"quota_holds",
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		userId: text().notNull(),
		owner: text(),
		createdAt: instant().notNull(),
	},
	(t) => [
		// the sweeper: holds older than the generation deadline
		index().on(t.createdAt),
		// the sweeper: holds of a process that stopped; a user's generations in flight
		index().on(t.owner),
		index().on(t.userId),
	],
);

/**
 * The server processes sharing this database, each with a heartbeat: a process whose heartbeat
 * stopped has died, and the quota units its generations held are refunded by any other.
 */
export const serverInstances = pgTable("server_instances", {
	id: text().primaryKey(),
	startedAt: instant().notNull(),
	heartbeatAt: instant().notNull(),
});

/**
 * Request counters of the rate limits that must hold across processes (sign-up, sign-in): one row
 * per limited key, counting hits in a fixed window.
 */
export const rateLimitCounters = pgTable(
	"rate_limit_counters",
	{
		key: text().primaryKey(),
		hits: integer().notNull(),
		resetsAt: instant().notNull(),
	},
	(t) => [
		// the sweeper: windows that have ended
		index().on(t.resetsAt),
	],
);

export const challenges = pgTable(
	"challenges",
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		userId: text().notNull(),
		difficulty: text({ enum: DIFFICULTIES }).notNull(),
		language: text({ enum: LANGUAGES }).notNull(),
		/** what it asks (rows from before kinds were all "what does this print?") */
		kind: text({ enum: CHALLENGE_KINDS }).notNull().default("output"),
		/** where its code runs, as the learner reads it (set for older rows by migration 0004) */
		runtime: text().notNull(),
		title: text().notNull(),
		code: text(),
		options: jsonb().$type<string[]>().notNull(),
		correctAnswerId: integer().notNull(),
		explanation: text().notNull(),
		verified: boolean().notNull(),
		source: text().notNull(),
		/** how the marked answer was established (rows from before this column were all executed) */
		verification: text({ enum: VERIFICATIONS }).notNull().default("executed"),
		topic: text(),
		/** template family and parameters, so that one user never gets the same challenge twice */
		variantKey: text(),
		/** the idea it is on (an id of the generator's IDEAS), null when unknown and for older rows */
		idea: text(),
		/**
		 * The belief behind each option, in the options' order (null for the answer and fillers):
		 * never sent before the challenge is answered. Null for older rows.
		 */
		misconceptions: jsonb().$type<(Misconception | null)[]>(),
		/** the idea it was served to review, when it brought back an open misconception */
		reviewOf: text(),
		createdAt: instant().notNull(),
	},
	(t) => [
		// history, newest first: WHERE user_id = ? AND id < ? ORDER BY id DESC
		index().on(t.userId, t.id),
		// the variant keys a user has already seen
		index().on(t.userId, t.variantKey),
	],
);

/** At most one answer per challenge: the primary key makes the first answer win. */
export const answers = pgTable(
	"answers",
	{
		challengeId: integer()
			.primaryKey()
			.references(() => challenges.id, { onDelete: "cascade" }),
		userId: text().notNull(),
		answerId: integer().notNull(),
		correct: boolean().notNull(),
		/** the id of the misconception behind a wrong answer's option, when known */
		misconceptionId: text(),
		answeredAt: instant().notNull(),
	},
	(t) => [
		// stats and the streak: a user's answers by day
		index().on(t.userId, t.answeredAt),
		// a user's misconceptions
		index().on(t.userId, t.misconceptionId),
	],
);

/** Svix message ids already processed, so that a redelivered webhook has no second effect. */
export const webhookDeliveries = pgTable("webhook_deliveries", {
	svixId: text().primaryKey(),
	eventType: text().notNull(),
	receivedAt: instant().notNull(),
});

/**
 * Ready challenges waiting for a user, so that nobody waits for a model. A row is claimed by
 * deleting it (FOR UPDATE SKIP LOCKED), so it is served once, whichever process claims it.
 */
export const challengePool = pgTable(
	"challenge_pool",
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		difficulty: text({ enum: DIFFICULTIES }).notNull(),
		language: text({ enum: LANGUAGES }).notNull(),
		content: jsonb().$type<ChallengeContent>().notNull(),
		/** the generator's diagnosis (idea, misconceptions), stored with the challenge when served */
		diagnosis: jsonb().$type<{
			idea: string | null;
			misconceptions: (Misconception | null)[];
		}>(),
		variantKey: text(),
		createdAt: instant().notNull(),
	},
	(t) => [
		// claiming the oldest ready challenge of a cell, and counting a cell
		index().on(t.difficulty, t.language, t.id),
	],
);

/** Secrets this installation generates for itself on first start (better-auth's secret), shared by every process. */
export const instanceSecrets = pgTable("instance_secrets", {
	name: text().primaryKey(),
	value: text().notNull(),
	createdAt: instant().notNull(),
});

/**
 * Sign-in attempts per account (lower-case email) since its last success, in the current window:
 * the rate limit is per user, not per address. Counted before the password is checked.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
	email: text().primaryKey(),
	attempts: integer().notNull(),
	windowStartedAt: instant().notNull(),
});
