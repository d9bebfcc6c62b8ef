import { createHash } from "node:crypto";
import { normalizeIP } from "@fastify/rate-limit";
import type { DbOrTx } from "../../db/open-db.js";
import {
	type Backoff,
	clearCounter,
	countHit,
	countHitWithBackoff,
	readCounter,
} from "../../rate-limit/counters.repo.js";

/**
 * Sign-in attempts are counted per account *and* client (CONTRACT: never per address alone), so
 * a stranger's guesses slow down the stranger, never the owner on another client. Five attempts
 * are free; then each waits 30 s after the last, doubling up to an hour. A client's count is
 * cleared by its own successful sign-in and forgotten a day after its last attempt.
 */
export const SIGN_IN_BACKOFF: Backoff = {
	free: 5,
	firstDelayMs: 30_000,
	maxDelayMs: 60 * 60_000,
	forgetAfterMs: 24 * 60 * 60_000,
};

/**
 * Failed sign-ins per hour, over all accounts and clients, past which only devices an account
 * has signed in with before may try (see sign-in-device.ts): an attacker rotating addresses gets
 * at most this many guesses an hour, and owners keep signing in from their usual browser. Far
 * above what typing mistakes produce, even on a large installation.
 */
export const FAILED_SIGN_INS_PER_HOUR = 1000;
const HOUR_MS = 60 * 60_000;
const FAILED_KEY = "sign-in:failed";

/** Who is signing in: a device the account's cookie vouches for, or else a network address. */
export type SignInClient = { device: string } | { address: string };

export const clientOf = (
	device: string | null,
	address: string,
): SignInClient => (device ? { device } : { address: normalizeIP(address) });

/** One key per (account, client); hashed, so the table holds neither emails nor addresses. */
function pairKey(email: string, client: SignInClient): string {
	const who =
		"device" in client
			? `device ${client.device}`
			: `address ${client.address}`;
	const digest = createHash("sha256")
		.update(`${email}\n${who}`)
		.digest("base64url");
	return `sign-in:${digest}`;
}

export type Admission =
	| { allowed: true }
	| { allowed: false; retryAt: Date; why: "client" | "everyone" };

/**
 * Before the password is checked: refuses a client that must still wait for this account, and,
 * while the hour's failed sign-ins are past the cap, every client but a recognised device.
 * Otherwise counts the attempt (in one statement with the check, so concurrent guesses do not
 * slip through); a successful sign-in takes it back.
 */
export async function admitSignIn(
	db: DbOrTx,
	email: string,
	client: SignInClient,
	now: Date,
): Promise<Admission> {
	if (!("device" in client)) {
		const failed = await readCounter(db, FAILED_KEY, now);
		if (failed && failed.hits >= FAILED_SIGN_INS_PER_HOUR)
			return { allowed: false, retryAt: failed.resetsAt, why: "everyone" };
	}
	const hit = await countHitWithBackoff(
		db,
		pairKey(email, client),
		now,
		SIGN_IN_BACKOFF,
	);
	return hit.allowed
		? { allowed: true }
		: { allowed: false, retryAt: hit.retryAt, why: "client" };
}

/** The right password: the client starts afresh for this account. */
export async function signInSucceeded(
	db: DbOrTx,
	email: string,
	client: SignInClient,
): Promise<void> {
	await clearCounter(db, pairKey(email, client));
}

/**
 * A wrong password (or an unknown email): counts towards the hour's server-wide cap. True for
 * the failure that reaches the cap, once per hour, so that it is logged once.
 */
export async function signInFailed(db: DbOrTx, now: Date): Promise<boolean> {
	const { hits } = await countHit(db, FAILED_KEY, now, HOUR_MS);
	return hits === FAILED_SIGN_INS_PER_HOUR;
}
