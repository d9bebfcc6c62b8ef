/**
 * The tables of better-auth (local accounts), in better-auth's own shape: the library reads and
 * writes them through its Drizzle adapter. Generated once from better-auth's schema with our
 * table names; change them only when upgrading better-auth requires it, then run
 * `npm run db:generate`.
 */
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const instant = () => timestamp({ withTimezone: true, mode: "date" });

export const authUsers = pgTable("auth_users", {
	id: text().primaryKey(),
	name: text().notNull(),
	/** stored lower-case by better-auth: email is case-insensitive */
	email: text().notNull().unique(),
	emailVerified: boolean().default(false).notNull(),
	image: text(),
	createdAt: instant().defaultNow().notNull(),
	updatedAt: instant()
		.defaultNow()
		.$onUpdate(() => sql`now()`)
		.notNull(),
});

export const authSessions = pgTable(
	"auth_sessions",
	{
		id: text().primaryKey(),
		expiresAt: instant().notNull(),
		token: text().notNull().unique(),
		createdAt: instant().defaultNow().notNull(),
		updatedAt: instant()
			.$onUpdate(() => sql`now()`)
			.notNull(),
		ipAddress: text(),
		userAgent: text(),
		userId: text()
			.notNull()
			.references(() => authUsers.id, { onDelete: "cascade" }),
	},
	(t) => [index().on(t.userId)],
);

export const authAccounts = pgTable(
	"auth_accounts",
	{
		id: text().primaryKey(),
		accountId: text().notNull(),
		providerId: text().notNull(),
		userId: text()
			.notNull()
			.references(() => authUsers.id, { onDelete: "cascade" }),
		accessToken: text(),
		refreshToken: text(),
		idToken: text(),
		accessTokenExpiresAt: instant(),
		refreshTokenExpiresAt: instant(),
		scope: text(),
		/** the scrypt hash of the password */
		password: text(),
		createdAt: instant().defaultNow().notNull(),
		updatedAt: instant()
			.$onUpdate(() => sql`now()`)
			.notNull(),
	},
	(t) => [index().on(t.userId)],
);

export const authVerifications = pgTable(
	"auth_verifications",
	{
		id: text().primaryKey(),
		identifier: text().notNull(),
		value: text().notNull(),
		expiresAt: instant().notNull(),
		createdAt: instant().defaultNow().notNull(),
		updatedAt: instant()
			.defaultNow()
			.$onUpdate(() => sql`now()`)
			.notNull(),
	},
	(t) => [index().on(t.identifier)],
);

/** Signing keys of local session tokens (private keys encrypted with the instance secret); shared by every process. */
export const authJwks = pgTable("auth_jwks", {
	id: text().primaryKey(),
	publicKey: text().notNull(),
	privateKey: text().notNull(),
	createdAt: instant().notNull(),
	expiresAt: instant(),
	alg: text(),
	crv: text(),
});
