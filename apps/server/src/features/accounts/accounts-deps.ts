import type { Db } from "../../db/open-db.js";
import type { AppMetrics } from "../../metrics/app-metrics.js";
import type { LocalAuth } from "./local-auth.js";
import type { SignInDevices } from "./sign-in-device.js";

/** What the account operations work with: the app's services plus better-auth and the device cookies. */
export interface AccountsDeps {
	db: Db;
	now: () => Date;
	auth: LocalAuth;
	devices: SignInDevices;
	/** counts refused sign-ins */
	metrics: AppMetrics;
}

/** A request's credentials and what identifies its client, as the HTTP layer read them. */
export interface Credentials {
	email: string;
	password: string;
	/** the request's headers, for better-auth (cookies, origin) */
	headers: Headers;
	/** the client's address, as TRUST_PROXY allows it to be known */
	ip: string;
}

/** A signed-in account and the Set-Cookie values that carry its session to the browser. */
export interface SignedIn {
	account: { id: string; email: string };
	cookies: string[];
}
