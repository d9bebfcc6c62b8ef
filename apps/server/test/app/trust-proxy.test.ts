import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { buildTestApp, useTestContext } from "../helpers/build-test-app.js";
import {
	LOCAL_MODE,
	PASSWORD,
	sessionCookie,
	signUpRequest,
	tokenRequest,
} from "../helpers/local-accounts.js";

const newEmail = () => `proxy-${randomUUID()}@example.com`;
/** The tests share a database, and with it the sign-up counts per address: each call claims new ones. */
let last = 0;
const newAddress = () => `198.51.${Math.floor(++last / 250)}.${last % 250}`;

/**
 * What a client claims through proxy headers (X-Forwarded-For, -Proto, -Host) counts only when
 * the connection comes from a proxy TRUST_PROXY names: the sign-up limit per address, the
 * Secure flag of cookies and the origin signed into local tokens all depend on it.
 */
describe("TRUST_PROXY", () => {
	const context = useTestContext("pglite");

	const localApp = (trustProxy?: string) =>
		buildTestApp(context, {
			env: {
				...LOCAL_MODE,
				SIGN_UP_LIMIT_PER_CLIENT: 2,
				TRUST_PROXY: trustProxy,
			},
		});

	/** Three sign-ups from one connection address, each claiming another client address. */
	async function signUpsClaiming(
		t: Awaited<ReturnType<typeof localApp>>,
		remoteAddress: string,
	) {
		const statuses: number[] = [];
		for (const claimed of [newAddress(), newAddress(), newAddress()]) {
			const response = await signUpRequest(
				t,
				{ email: newEmail(), password: PASSWORD },
				{
					address: remoteAddress,
					headers: { "x-forwarded-for": claimed, "x-forwarded-proto": "https" },
				},
			);
			statuses.push(response.statusCode);
		}
		return statuses;
	}

	/** The azp a local token gets for a request that claims another host through a proxy header. */
	async function azpClaiming(
		t: Awaited<ReturnType<typeof localApp>>,
		remoteAddress: string,
	) {
		const signedUp = await signUpRequest(
			t,
			{ email: newEmail(), password: PASSWORD },
			{ address: newAddress() },
		);
		const token = await tokenRequest(t, {
			address: remoteAddress,
			cookie: sessionCookie(signedUp.headers["set-cookie"]),
			headers: {
				host: "localhost:8000",
				"x-forwarded-host": "evil.example",
				"x-forwarded-proto": "https",
			},
		});
		return token.statusCode === 200
			? decodeJwt(token.json().token).azp
			: `refused ${token.statusCode}`;
	}

	it("unset: proxy headers are ignored, so a client cannot pose as many addresses, as HTTPS or as another host", async () => {
		const t = await localApp();
		expect(await signUpsClaiming(t, "192.0.2.10")).toEqual([200, 200, 429]);
		expect(await azpClaiming(t, "192.0.2.11")).toBe("http://localhost:8000");
		const plain = await signUpRequest(
			t,
			{ email: newEmail(), password: PASSWORD },
			{ headers: { "x-forwarded-proto": "https" } },
		);
		expect(String(plain.headers["set-cookie"])).not.toMatch(/Secure/);
	});

	it("a hop count: the nearest proxy's word is taken", async () => {
		const t = await localApp("1");
		expect(await signUpsClaiming(t, "192.0.2.20")).toEqual([200, 200, 200]);
		expect(await azpClaiming(t, "192.0.2.21")).toBe("https://evil.example");
	});

	it("a list of addresses and ranges: only connections from those proxies are believed", async () => {
		const t = await localApp("10.0.0.0/8, 192.0.2.99");
		expect(await signUpsClaiming(t, "10.1.2.3")).toEqual([200, 200, 200]);
		// a client connecting directly is not one of the proxies
		expect(await signUpsClaiming(t, "192.0.2.30")).toEqual([200, 200, 429]);
		expect(await azpClaiming(t, "192.0.2.99")).toBe("https://evil.example");
		expect(await azpClaiming(t, "192.0.2.31")).toBe("http://localhost:8000");
	});
});
