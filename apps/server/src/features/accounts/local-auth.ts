import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@app/contract";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt } from "better-auth/plugins";
import {
	authAccounts,
	authJwks,
	authSessions,
	authUsers,
	authVerifications,
} from "../../db/auth-schema.js";
import type { Db } from "../../db/open-db.js";

export interface LocalAuthOptions {
	db: Db;
	/** better-auth's secret: signs cookies and encrypts the signing keys at rest */
	secret: string;
	trustedOrigins: string[];
	/** provisions a new account's quota: the same function Clerk's user.created webhook calls */
	onUserCreated(userId: string): Promise<unknown>;
	/**
	 * Removes what the account owns (challenges, answers, quota): the same function Clerk's
	 * user.deleted webhook calls. It runs before the account goes, so a crash in between leaves
	 * an empty account the learner can delete again, never data without an owner.
	 */
	onUserDeleted(userId: string): Promise<unknown>;
	/** where better-auth reports problems */
	log(level: "error" | "debug", message: string): void;
}

/** `iss` of local session tokens (Clerk's carry their instance URL); not checked, informative. */
const LOCAL_ISSUER = "coding-challenge-trainer:local";

/** How long a local session (the cookie) lasts; tokens made from it last 60 seconds. */
const SESSION_DAYS = 30;

/**
 * Local accounts with better-auth: email and password (scrypt hashes), database sessions in an
 * httpOnly SameSite=Lax cookie, and an RS256 key pair (its JWT plugin) that signs session tokens
 * of Clerk's shape. Its tables are in our schema and migrations; it makes no network calls.
 */
export function createLocalAuth(options: LocalAuthOptions) {
	return betterAuth({
		secret: options.secret,
		basePath: "/api/auth",
		trustedOrigins: options.trustedOrigins,
		database: drizzleAdapter(options.db, {
			provider: "pg",
			schema: {
				user: authUsers,
				session: authSessions,
				account: authAccounts,
				verification: authVerifications,
				jwks: authJwks,
			},
		}),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			autoSignIn: true,
		},
		session: { expiresIn: SESSION_DAYS * 24 * 60 * 60 },
		user: {
			deleteUser: {
				enabled: true,
				beforeDelete: async (user) => {
					await options.onUserDeleted(user.id);
				},
			},
		},
		// our own limits instead (sign-in-throttle.ts, sign-up-limits.ts): per account and client, never per address alone
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		databaseHooks: {
			user: {
				create: {
					after: async (user) => {
						await options.onUserCreated(user.id);
					},
				},
			},
		},
		logger: {
			log: (level, message) => {
				// no base URL on purpose: the origin comes from each request, so one server answers on any host
				if (message.includes("Base URL is not set")) return;
				options.log(
					level === "error" ? "error" : "debug",
					`better-auth: ${message}`,
				);
			},
		},
		plugins: [
			jwt({
				jwks: { keyPairConfig: { alg: "RS256", modulusLength: 2048 } },
				jwt: { issuer: LOCAL_ISSUER, audience: LOCAL_ISSUER },
				disableSettingJwtHeader: true,
			}),
		],
	});
}

export type LocalAuth = ReturnType<typeof createLocalAuth>;
