import { createPublicKey, type JsonWebKey } from "node:crypto";
import { decodeJwt } from "@clerk/backend/jwt";
import { unauthorized } from "../errors.js";
import type { TokenVerifier } from "./token-verifier.js";
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

/** Unknown key ids trigger a reload at most this often, so forged ids cannot hammer the database. */
const RELOAD_INTERVAL_MS = 1000;

/**
 * Verifies local-account session tokens with exactly the code that verifies Clerk's, keyed with
 * the local public key that the token's `kid` names. Keys are read from the database, so a token
 * signed by another server process on the same PostgreSQL is accepted too.
 */
export function createLocalVerifier(
	keys: LocalKeySource,
	authorizedParties: string[],
): TokenVerifier {
	let pems = new Map<string, string>();
	let loadedAt = Number.NEGATIVE_INFINITY;

	async function pemFor(kid: string): Promise<string | undefined> {
		if (!pems.has(kid) && Date.now() - loadedAt >= RELOAD_INTERVAL_MS) {
			loadedAt = Date.now();
			pems = new Map(
				(await keys()).flatMap(({ kid: id, ...jwk }) =>
					id
						? [
								[
									id,
									createPublicKey({ key: jwk, format: "jwk" })
										.export({ type: "spki", format: "pem" })
										.toString(),
								],
							]
						: [],
				),
			);
		}
		return pems.get(kid);
	}

	return {
		async verify(token) {
			const kid = keyIdOf(token);
			const pem = kid ? await pemFor(kid) : undefined;
			if (!pem) throw unauthorized("The session token is invalid");
			return verifySessionToken(token, { jwtKey: pem }, authorizedParties);
		},
	};
}
