import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { authUsers } from "../../../src/db/auth-schema.js";
import { quotas } from "../../../src/db/schema.js";
import {
	FAILED_SIGN_INS_PER_HOUR,
	SIGN_IN_BACKOFF,
	signInFailed,
} from "../../../src/features/accounts/sign-in-throttle.js";
import { backoffDelayMs } from "../../../src/rate-limit/counters.repo.js";
import {
	buildTestApp,
	buildTwoServers,
	type TestApp,
	type TestAppOptions,
	type TestContext,
	useTestContext,
} from "../../helpers/build-test-app.js";
import {
	type From,
	LOCAL_MODE,
	newEmail,
	PASSWORD,
	signIn,
	signUp,
	signUpRequest,
} from "../../helpers/local-accounts.js";
import { createTestDb, ENGINES } from "../../helpers/test-db.js";

/** A client address of the test's own, so tests sharing a database share no client's counts. */
const newAddress = () =>
	`10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const WRONG = "not the password at all";
const HOUR_MS = 60 * 60_000;

/** A local-accounts app whose clock the test moves. */
async function appWithClock(
	context: TestContext,
	options: TestAppOptions = {},
) {
	const clock = { now: new Date() };
	const t = await buildTestApp(context, {
		...options,
		env: { ...LOCAL_MODE, ...options.env },
		now: () => clock.now,
	});
	const advance = (ms: number) => {
		clock.now = new Date(clock.now.getTime() + ms);
	};
	return { t, clock, advance };
}

/** The app on a database of its own, for the server-wide counts no other test may add to. */
async function onOwnDatabase(
	context: TestContext,
	options: TestAppOptions = {},
) {
	const db = await createTestDb(context.engine);
	onTestFinished(() => db.close());
	return { db, ...(await appWithClock(context, { ...options, db })) };
}

/** A sign-up with the tests' password, whatever the answer. */
const attemptSignUp = (t: TestApp, email: string, from: From = {}) =>
	signUpRequest(t, { email, password: PASSWORD }, from);

/** A 429 rate_limited whose Retry-After and retry_at both say `seconds` from `now`. */
function expectRateLimited(
	response: Awaited<ReturnType<typeof signIn>>,
	now: Date,
	seconds: number,
) {
	expect(response.statusCode).toBe(429);
	expect(response.json()).toEqual({
		detail: expect.any(String),
		code: "rate_limited",
		retry_at: new Date(now.getTime() + seconds * 1000).toISOString(),
	});
	expect(response.headers["retry-after"]).toBe(String(seconds));
	expect(response.headers["set-cookie"]).toBeUndefined();
}

const usersWithEmail = (context: TestContext, email: string) =>
	context.db.db.select().from(authUsers).where(eq(authUsers.email, email));

describe.each(ENGINES)("sign-in limits on %s", (engine) => {
	const context = useTestContext(engine);

	it("lets the owner in with the right password after a stranger's fifty wrong ones from another address", async () => {
		const { t } = await appWithClock(context);
		const email = newEmail();
		const home = { address: newAddress() };
		const stranger = { address: newAddress() };
		await signUp(t, email, PASSWORD, home);

		const codes: number[] = [];
		for (let i = 0; i < 50; i++)
			codes.push((await signIn(t, email, WRONG, stranger)).statusCode);
		expect(codes).toEqual([
			...Array(SIGN_IN_BACKOFF.free).fill(401),
			...Array(50 - SIGN_IN_BACKOFF.free).fill(429),
		]);

		// without the device cookie from sign-up: the owner's own address has guessed nothing
		const owner = await signIn(t, email, PASSWORD, home);
		expect(owner.statusCode).toBe(200);
		expect((await signIn(t, email, PASSWORD, stranger)).statusCode).toBe(429);
	});

	it("makes a client that keeps guessing wait longer after each wrong password, the right one included", async () => {
		const { t, clock, advance } = await appWithClock(context);
		const email = newEmail();
		const guesser = { address: newAddress() };
		await signUp(t, email, PASSWORD, { address: newAddress() });
		for (let i = 0; i < SIGN_IN_BACKOFF.free; i++)
			expect((await signIn(t, email, WRONG, guesser)).statusCode).toBe(401);

		const waits: number[] = [];
		for (let failures = SIGN_IN_BACKOFF.free; failures < 9; failures++) {
			const refused = await signIn(t, email, PASSWORD, guesser);
			const seconds = Number(refused.headers["retry-after"]);
			expectRateLimited(refused, clock.now, seconds);
			if (failures === SIGN_IN_BACKOFF.free)
				expect(refused.json().detail).toBe(
					"Too many sign-in attempts for this account from here; try again in 30 seconds",
				);
			waits.push(seconds);
			advance(seconds * 1000 - 1000);
			expect((await signIn(t, email, WRONG, guesser)).statusCode).toBe(429);
			advance(1000);
			expect((await signIn(t, email, WRONG, guesser)).statusCode).toBe(401);
		}
		expect(waits).toEqual(
			[5, 6, 7, 8].map((n) => backoffDelayMs(SIGN_IN_BACKOFF, n) / 1000),
		);
		expect(waits).toEqual([30, 60, 120, 240]);

		advance(backoffDelayMs(SIGN_IN_BACKOFF, 9));
		expect((await signIn(t, email, PASSWORD, guesser)).statusCode).toBe(200);
		// the right password wiped the slate: five free tries again
		for (let i = 0; i < SIGN_IN_BACKOFF.free; i++)
			expect((await signIn(t, email, WRONG, guesser)).statusCode).toBe(401);
	});

	it("lets the owner in from a stranger's address (one NAT) with the device cookie of an earlier sign-in", async () => {
		const { t } = await appWithClock(context);
		const email = newEmail();
		const school = newAddress();
		const owner = await signUp(t, email, PASSWORD, { address: school });
		// the stranger has an account too, and so a device cookie, but for another account
		const strangers = await signUp(t, newEmail(), PASSWORD, {
			address: school,
		});
		for (let i = 0; i < 10; i++)
			await signIn(t, email, WRONG, {
				address: school,
				cookie: strangers.device,
			});

		expect(
			(await signIn(t, email, PASSWORD, { address: school })).statusCode,
		).toBe(429);
		const forged = `${owner.device.slice(0, -4)}AAAA`;
		expect(
			(await signIn(t, email, PASSWORD, { address: school, cookie: forged }))
				.statusCode,
		).toBe(429);
		expect(
			(
				await signIn(t, email, PASSWORD, {
					address: school,
					cookie: owner.device,
				})
			).statusCode,
		).toBe(200);
	});

	it("past the hour's cap on failed sign-ins, refuses clients without a device cookie but not the owner's browser", async () => {
		const { db, t, clock, advance } = await onOwnDatabase(context);
		const email = newEmail();
		const owner = await signUp(t, email, PASSWORD, { address: newAddress() });
		for (let i = 1; i < FAILED_SIGN_INS_PER_HOUR; i++)
			await signInFailed(db.db, clock.now);
		// the cap's last failure comes through HTTP, from yet another address, on an unknown email
		expect(
			(await signIn(t, newEmail(), WRONG, { address: newAddress() }))
				.statusCode,
		).toBe(401);

		const stranger = await signIn(t, email, PASSWORD, {
			address: newAddress(),
		});
		expectRateLimited(stranger, clock.now, HOUR_MS / 1000);
		expect(stranger.json().detail).toMatch(/browser you have signed in with/);
		const fromHome = await signIn(t, email, PASSWORD, {
			address: newAddress(),
			cookie: owner.device,
		});
		expect(fromHome.statusCode).toBe(200);

		advance(HOUR_MS);
		expect(
			(await signIn(t, email, PASSWORD, { address: newAddress() })).statusCode,
		).toBe(200);
	});
});

describe.each(ENGINES)("sign-up limits on %s", (engine) => {
	const context = useTestContext(engine);

	it("refuses a client's sign-ups past SIGN_UP_LIMIT_PER_CLIENT with 429, creating no account and granting no quota", async () => {
		const { t, clock, advance } = await appWithClock(context, {
			env: { SIGN_UP_LIMIT_PER_CLIENT: 2 },
		});
		const classroom = { address: newAddress() };
		await signUp(t, newEmail(), PASSWORD, classroom);
		await signUp(t, newEmail(), PASSWORD, classroom);
		const quotasBefore = await context.db.db.$count(quotas);

		const email = newEmail();
		const refused = await attemptSignUp(t, email, classroom);
		expectRateLimited(refused, clock.now, HOUR_MS / 1000);
		expect(refused.json().detail).toBe(
			"Too many sign-ups from your network in the last hour; try again in 1 hour",
		);
		expect(await usersWithEmail(context, email)).toHaveLength(0);
		expect(await context.db.db.$count(quotas)).toBe(quotasBefore);

		expect((await attemptSignUp(t, newEmail())).statusCode).toBe(200);
		advance(HOUR_MS);
		expect((await attemptSignUp(t, email, classroom)).statusCode).toBe(200);
		expect(await usersWithEmail(context, email)).toHaveLength(1);
	});

	it("refuses sign-ups from every client past SIGN_UP_LIMIT_PER_HOUR, for the rest of the hour", async () => {
		const { t, clock, advance } = await onOwnDatabase(context, {
			env: { SIGN_UP_LIMIT_PER_HOUR: 3 },
		});
		for (let i = 0; i < 3; i++)
			await signUp(t, newEmail(), PASSWORD, { address: newAddress() });

		advance(HOUR_MS / 2);
		const email = newEmail();
		const refused = await attemptSignUp(t, email, { address: newAddress() });
		expectRateLimited(refused, clock.now, HOUR_MS / 2 / 1000);
		expect(refused.json().detail).toMatch(/on this server/);
		expect(await usersWithEmail(context, email)).toHaveLength(0);

		advance(HOUR_MS / 2);
		expect(
			(await attemptSignUp(t, email, { address: newAddress() })).statusCode,
		).toBe(200);
	});

	it.each([
		"password",
		"12345678",
		"qwertyuiop",
		"iloveyou",
		"Password1!",
		"P@ssw0rd",
	])(
		"refuses the common password %s with 400 naming the field, creating nothing",
		async (password) => {
			const { t } = await appWithClock(context);
			const email = newEmail();
			const response = await signUpRequest(t, { email, password });
			expect(response.statusCode).toBe(400);
			expect(response.json()).toEqual({
				code: "invalid_request",
				detail: expect.stringMatching(/^body\.password: is too easy to guess/),
			});
			expect(await usersWithEmail(context, email)).toHaveLength(0);
		},
	);

	it("refuses a password made of the email address", async () => {
		const { t } = await appWithClock(context);
		const local = `ada-${randomUUID().slice(0, 6)}`;
		const response = await signUpRequest(t, {
			email: `${local}@example.com`,
			password: local,
		});
		expect(response.statusCode).toBe(400);
		expect(response.json().detail).toMatch(/^body\.password: /);
	});
});

describe.runIf(ENGINES.includes("postgres"))(
	"sign-up limits on two server processes sharing PostgreSQL",
	() => {
		const context = useTestContext("postgres");

		it("counts one client's sign-ups on both against one limit", async () => {
			const [a, b] = await buildTwoServers(context, {
				env: { ...LOCAL_MODE, SIGN_UP_LIMIT_PER_CLIENT: 2 },
			});
			const client = { address: newAddress() };
			expect((await attemptSignUp(a, newEmail(), client)).statusCode).toBe(200);
			expect((await attemptSignUp(b, newEmail(), client)).statusCode).toBe(200);
			for (const server of [a, b]) {
				const refused = await attemptSignUp(server, newEmail(), client);
				expect(refused.statusCode).toBe(429);
				expect(refused.json()).toMatchObject({ code: "rate_limited" });
			}
		});
	},
);
