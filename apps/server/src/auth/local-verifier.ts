import { createPublicKey, type JsonWebKey } from "node:crypto";
import { decodeJwt } from "@clerk/backend/jwt";
import { unauthorized } from "../errors.js";
import type { TokenCheck } from "./token-verifier.js";
import { verifySessionToken } from "./verify-session-token.js";

/** Reads the local signing keys (every process's, from the shared database), as JWKs. */
export type LocalKeySource = () => Promise<(JsonWebKey & { kid?: string })[]>;

function keyIdOf(token: string): string | undefined {
	try {
		return decodeJwt(token).header.kid;
	} catch {
		return undefined;
	}
}

/** A key id still unknown after a reload is refused without another reload for this long. */
export const UNKNOWN_KID_TTL_MS = 5000;
/** Reloads start at least this far apart: key ids are the caller's to choose, the database is not. */
export const MIN_RELOAD_INTERVAL_MS = 1000;
/** Remembered unknown key ids; beyond this many, the oldest are forgotten (forged ids cost memory). */
const MAX_UNKNOWN_KIDS = 1000;

const toPem = (jwk: JsonWebKey) =>
	createPublicKey({ key: jwk, format: "jwk" })
		.export({ type: "spki", format: "pem" })
		.toString();

/**
 * Verifies local-account session tokens with exactly the code that verifies Clerk's, keyed with
 * the local public key that the token's `kid` names. Keys are read from the database, so a token
 * signed by another server process on the same PostgreSQL is accepted too.
 *
 * A token whose `kid` is not loaded yet triggers a reload: two processes starting together can
 * each create a key, and the other's token must be accepted (within a second). Reloads are
 * bounded, because anyone can send a token with a made-up `kid`: they start at least
 * MIN_RELOAD_INTERVAL_MS apart, requests waiting for one share it, and a `kid` that a reload did
 * not find is refused without reloading again for UNKNOWN_KID_TTL_MS.
 */
export function createLocalVerifier(
	keys: LocalKeySource,
	authorizedParties: string[],
	now: () => number = Date.now,
): TokenCheck {
	let pems = new Map<string, string>();
	const unknownUntil = new Map<string, number>();
	/** the reload that requests arriving now will share; it has not read the keys yet */
	let next: Promise<void> | undefined;
	let lastStarted = Number.NEGATIVE_INFINITY;
	let loading: Promise<void> = Promise.resolve();

	async function load(): Promise<void> {
		const loaded = new Map<string, string>();
		for (const { kid, ...jwk } of await keys())
			if (kid) loaded.set(kid, toPem(jwk));
		pems = loaded;
	}

	/** A reload that reads the keys after this call (a read already under way may have been too early). */
	function reload(): Promise<void> {
		if (!next) {
			const wait = Math.max(0, lastStarted + MIN_RELOAD_INTERVAL_MS - now());
			next = new Promise((resume) => setTimeout(resume, wait)).then(() => {
				next = undefined;
				lastStarted = now();
				// after any slow read still under way, so that an older read never lands last
				loading = loading.catch(() => undefined).then(load);
				return loading;
			});
		}
		return next;
	}

	async function pemFor(kid: string): Promise<string | undefined> {
		const known = pems.get(kid);
		if (known) return known;
		if ((unknownUntil.get(kid) ?? 0) > now()) return undefined;
		await reload();
		const found = pems.get(kid);
		if (!found) {
			const oldest = unknownUntil.keys().next().value;
			if (unknownUntil.size >= MAX_UNKNOWN_KIDS && oldest !== undefined)
				unknownUntil.delete(oldest);
			unknownUntil.set(kid, now() + UNKNOWN_KID_TTL_MS);
		}
		return found;
	}

	return {
		async check(token) {
			const kid = keyIdOf(token);
			const pem = kid ? await pemFor(kid) : undefined;
			if (!pem) throw unauthorized("The session token is invalid");
			return verifySessionToken(token, { jwtKey: pem }, authorizedParties);
		},
	};
}
