import { describe, expect, it } from "vitest";
import { unauthorized } from "../errors.js";
import type { TokenCheck, VerifiedToken } from "./token-verifier.js";
import { withTokenCache } from "./verified-token-cache.js";

const SKEW = 5000;
const AZP = "http://localhost:5173";

/** A full check that accepts the tokens it was given and counts its calls. */
function fullCheck(tokens: Record<string, Omit<VerifiedToken, "user">>) {
	const calls: string[] = [];
	const check: TokenCheck = {
		check: async (token) => {
			calls.push(token);
			const claims = tokens[token];
			if (!claims) throw unauthorized("The session token is invalid");
			return {
				...claims,
				user: { id: token, sessionId: null, email: null, username: null },
			};
		},
	};
	return { check, calls };
}

function cached(
	tokens: Record<string, Omit<VerifiedToken, "user">>,
	clock: { now: number },
	size?: number,
) {
	const full = fullCheck(tokens);
	const verifier = withTokenCache(full.check, {
		authorizedParties: [AZP],
		clockSkewMs: SKEW,
		now: () => clock.now,
		...(size === undefined ? {} : { size }),
	});
	return { verifier, calls: full.calls };
}

const valid = (from: number, until: number, azp: string | null = AZP) => ({
	notBefore: from,
	expiresAt: until,
	authorizedParty: azp,
});

describe("withTokenCache", () => {
	it("checks a token in full once, then answers from memory while it is valid", async () => {
		const clock = { now: 1_000_000 };
		const { verifier, calls } = cached(
			{ user_a: valid(clock.now, clock.now + 60_000) },
			clock,
		);
		for (let i = 0; i < 3; i++)
			expect((await verifier.verify("user_a")).id).toBe("user_a");
		expect(calls).toEqual(["user_a"]);
	});

	it("checks an expired token in full again, and the full check's refusal stands", async () => {
		const clock = { now: 1_000_000 };
		const tokens = { user_a: valid(clock.now, clock.now + 60_000) };
		const { verifier, calls } = cached(tokens, clock);
		await verifier.verify("user_a");
		// within the skew it is still served; past it the full check decides
		clock.now += 60_000 + SKEW - 1;
		await verifier.verify("user_a");
		expect(calls).toHaveLength(1);
		clock.now += 1;
		delete (tokens as Partial<typeof tokens>).user_a;
		await expect(verifier.verify("user_a")).rejects.toMatchObject({
			status: 401,
		});
		expect(calls).toHaveLength(2);
	});

	it("does not serve a cached token before its nbf, nor one whose azp is not authorized", async () => {
		const clock = { now: 1_000_000 };
		const { verifier, calls } = cached(
			{
				early: valid(clock.now + 60_000, clock.now + 120_000),
				elsewhere: valid(clock.now, clock.now + 60_000, "https://evil.test"),
			},
			clock,
		);
		await verifier.verify("early");
		await verifier.verify("early");
		await verifier.verify("elsewhere");
		await verifier.verify("elsewhere");
		// neither was remembered: each use ran the full check (which, for real tokens, refuses them)
		expect(calls).toEqual(["early", "early", "elsewhere", "elsewhere"]);
	});

	it("never remembers a refused token", async () => {
		const { verifier, calls } = cached({}, { now: 0 });
		for (let i = 0; i < 2; i++)
			await expect(verifier.verify("forged")).rejects.toMatchObject({
				status: 401,
			});
		expect(calls).toEqual(["forged", "forged"]);
	});

	it("forgets the least recently used token past its size", async () => {
		const clock = { now: 1_000_000 };
		const window = valid(clock.now, clock.now + 60_000);
		const { verifier, calls } = cached(
			{ a: window, b: window, c: window },
			clock,
			2,
		);
		await verifier.verify("a");
		await verifier.verify("b");
		await verifier.verify("a"); // a is now the most recent
		await verifier.verify("c"); // b goes
		await verifier.verify("a");
		await verifier.verify("b");
		expect(calls).toEqual(["a", "b", "c", "b"]);
	});
});
