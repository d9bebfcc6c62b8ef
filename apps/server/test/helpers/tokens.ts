import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";

export const TEST_ORIGIN = "http://localhost:5173";

export interface KeyPair {
	privateKey: KeyObject;
	/** the public key in PEM, as Clerk shows it and CLERK_JWT_KEY takes it */
	publicPem: string;
}

/** An RSA key pair standing in for a Clerk instance's signing key. */
export function createKeyPair(): KeyPair {
	const { privateKey, publicKey } = generateKeyPairSync("rsa", {
		modulusLength: 2048,
	});
	return {
		privateKey,
		publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
	};
}

export interface TokenOptions {
	/** extra or replaced claims; `undefined` removes a claim */
	claims?: Record<string, unknown>;
	/** seconds from now */
	expiresIn?: number;
	notBefore?: number;
	/** the header's key id; Clerk's test instance id by default */
	kid?: string;
}

/** A session token of Clerk's shape (sub, sid, azp, iat, nbf, exp), RS256-signed. */
export function signSessionToken(
	keys: KeyPair,
	userId: string,
	options: TokenOptions = {},
): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	const claims: Record<string, unknown> = {
		sub: userId,
		sid: `sess_${userId}`,
		azp: TEST_ORIGIN,
		iss: "https://clerk.test.example",
		iat: now,
		nbf: now + (options.notBefore ?? 0) - 1,
		exp: now + (options.expiresIn ?? 60),
		...options.claims,
	};
	for (const [key, value] of Object.entries(claims))
		if (value === undefined) delete claims[key];
	return new SignJWT(claims)
		.setProtectedHeader({
			alg: "RS256",
			kid: options.kid ?? "ins_test",
			typ: "JWT",
		})
		.sign(keys.privateKey);
}

const base64url = (value: unknown) =>
	Buffer.from(JSON.stringify(value)).toString("base64url");

/** An unsigned token (`alg: none`), as an attacker would send it, naming a real key id if given. */
export function unsignedToken(userId: string, kid?: string): string {
	const now = Math.floor(Date.now() / 1000);
	return `${base64url({ alg: "none", typ: "JWT", kid })}.${base64url({ sub: userId, azp: TEST_ORIGIN, iat: now, nbf: now - 1, exp: now + 60 })}.`;
}

/** An HS256 token keyed with the public key's PEM text: the classic algorithm-confusion attack. */
export function hs256WithPublicKey(
	keys: Pick<KeyPair, "publicPem">,
	userId: string,
	kid?: string,
): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({
		sub: userId,
		azp: TEST_ORIGIN,
		iat: now,
		nbf: now - 1,
		exp: now + 60,
	})
		.setProtectedHeader({ alg: "HS256", typ: "JWT", kid })
		.sign(new TextEncoder().encode(keys.publicPem));
}

/** The token with its payload replaced but the original signature kept. */
export function tamperedToken(
	token: string,
	claims: Record<string, unknown>,
): string {
	const [header, payload, signature] = token.split(".");
	const original = JSON.parse(
		Buffer.from(payload ?? "", "base64url").toString(),
	) as Record<string, unknown>;
	return `${header}.${base64url({ ...original, ...claims })}.${signature}`;
}

/** A JWT's header and claims, decoded without checking anything. */
export const jwtParts = (token: string) =>
	token
		.split(".")
		.slice(0, 2)
		.map(
			(part) =>
				JSON.parse(Buffer.from(part, "base64url").toString()) as Record<
					string,
					unknown
				>,
		);
