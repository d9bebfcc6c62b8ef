import { generateKeyPairSync, type JsonWebKey } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import {
	createLocalVerifier,
	MIN_RELOAD_INTERVAL_MS,
	UNKNOWN_KID_TTL_MS,
} from "./local-verifier.js";

const AZP = "http://localhost:8000";

function signingKey(kid: string) {
	const { privateKey, publicKey } = generateKeyPairSync("rsa", {
		modulusLength: 2048,
	});
	const sign = (sub: string) => {
		const now = Math.floor(Date.now() / 1000);
		return new SignJWT({ sub, azp: AZP, iat: now, nbf: now, exp: now + 60 })
			.setProtectedHeader({ alg: "RS256", kid })
			.sign(privateKey);
	};
	return { kid, jwk: { ...publicKey.export({ format: "jwk" }), kid }, sign };
}

/**
 * The keys table as the verifier reads it: each read sees the rows stored when it starts, and
 * finishes when the test lets it (a slow query).
 */
function keyTable() {
	const rows: (JsonWebKey & { kid: string })[] = [];
	const pending: (() => void)[] = [];
	let gated = false;
	const table = {
		reads: 0,
		add: (key: { jwk: JsonWebKey & { kid: string } }) => rows.push(key.jwk),
		hold: () => {
			gated = true;
		},
		release: () => {
			gated = false;
			for (const resume of pending.splice(0)) resume();
		},
		source: async () => {
			table.reads += 1;
			const seen = [...rows];
			if (gated) await new Promise<void>((resume) => pending.push(resume));
			return seen;
		},
	};
	return table;
}

const outcome = (promise: Promise<unknown>) =>
	promise.then(
		() => "accepted",
		() => "refused",
	);

describe("createLocalVerifier", () => {
	it("accepts a token whose key was stored after its last reload, within MIN_RELOAD_INTERVAL_MS", async () => {
		const table = keyTable();
		const first = signingKey("key_first");
		table.add(first);
		const verifier = createLocalVerifier(table.source, [AZP]);
		await expect(verifier.check(await first.sign("user_a"))).resolves.toEqual(
			expect.objectContaining({
				user: expect.objectContaining({ id: "user_a" }),
			}),
		);
		// another process that started at the same moment stores its own key
		const second = signingKey("key_second");
		table.add(second);
		await expect(verifier.check(await second.sign("user_b"))).resolves.toEqual(
			expect.objectContaining({
				user: expect.objectContaining({ id: "user_b" }),
			}),
		);
		expect(table.reads).toBe(2);
	});

	it("runs one reload at a time; requests arriving during one share the next", async () => {
		const table = keyTable();
		const verifier = createLocalVerifier(table.source, [AZP]);
		table.hold();
		const forged = outcome(verifier.check(await signingKey("kid_x").sign("u")));
		await expect.poll(() => table.reads).toBe(1);

		// this key is stored after the reload in flight read the table
		const late = signingKey("key_late");
		table.add(late);
		const tokens = await Promise.all(
			["user_1", "user_2", "user_3", "user_4"].map((sub) => late.sign(sub)),
		);
		const verdicts = Promise.all(
			tokens.map((token) => outcome(verifier.check(token))),
		);
		table.release();
		expect(await forged).toBe("refused");
		expect(await verdicts).toEqual([
			"accepted",
			"accepted",
			"accepted",
			"accepted",
		]);
		expect(table.reads).toBe(2);
	});

	it("refuses a key id a reload did not find without reading the keys again, until UNKNOWN_KID_TTL_MS has passed", async () => {
		const table = keyTable();
		table.add(signingKey("key_real"));
		let now = 1_000_000;
		const verifier = createLocalVerifier(table.source, [AZP], () => now);
		const forged = await signingKey("kid_forged").sign("user_admin");
		for (let i = 0; i < 5; i++)
			expect(await outcome(verifier.check(forged))).toBe("refused");
		expect(table.reads).toBe(1);
		now += UNKNOWN_KID_TTL_MS;
		expect(await outcome(verifier.check(forged))).toBe("refused");
		expect(table.reads).toBe(2);
	});

	it("reads the keys at most once per MIN_RELOAD_INTERVAL_MS, however many made-up key ids arrive", async () => {
		const forged = await Promise.all(
			Array.from({ length: 8 }, (_, i) => signingKey(`kid_${i}`).sign("u")),
		);
		vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
		onTestFinished(() => {
			vi.useRealTimers();
		});
		const table = keyTable();
		const verifier = createLocalVerifier(table.source, [AZP]);
		const verdicts: Promise<string>[] = [];
		for (const token of forged) {
			verdicts.push(outcome(verifier.check(token)));
			await vi.advanceTimersByTimeAsync(MIN_RELOAD_INTERVAL_MS / 10);
		}
		// the first read at once, then one read shared by everything that arrived within the interval
		expect(table.reads).toBe(1);
		await vi.advanceTimersByTimeAsync(MIN_RELOAD_INTERVAL_MS);
		expect(await Promise.all(verdicts)).toEqual(forged.map(() => "refused"));
		expect(table.reads).toBe(2);
	});

	it("starts a read only after a slow one has finished, so an older read never lands last", async () => {
		const late = signingKey("key_late");
		const [forged, token] = await Promise.all([
			signingKey("kid_forged").sign("u"),
			late.sign("user_late"),
		]);
		vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
		onTestFinished(() => {
			vi.useRealTimers();
		});
		const table = keyTable();
		const verifier = createLocalVerifier(table.source, [AZP]);
		table.hold();
		const first = outcome(verifier.check(forged));
		await vi.advanceTimersByTimeAsync(MIN_RELOAD_INTERVAL_MS * 2);
		expect(table.reads).toBe(1);
		table.add(late);
		const second = outcome(verifier.check(token));
		await vi.advanceTimersByTimeAsync(MIN_RELOAD_INTERVAL_MS);
		// the first read is still under way: the next one waits for it
		expect(table.reads).toBe(1);
		table.release();
		expect(await first).toBe("refused");
		expect(await second).toBe("accepted");
		expect(table.reads).toBe(2);
	});

	it("refuses a token without a key id without reading the keys", async () => {
		const table = keyTable();
		const verifier = createLocalVerifier(table.source, [AZP]);
		expect(await outcome(verifier.check("not.a.jwt"))).toBe("refused");
		expect(table.reads).toBe(0);
	});
});
