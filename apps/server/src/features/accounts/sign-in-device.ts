import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Not "session_token": this cookie signs nobody in, it only vouches for the browser. */
export const DEVICE_COOKIE = "sign_in_device";
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/**
 * Device cookies (OWASP's defence against online guessing that does not lock owners out): after
 * a successful sign-up or sign-in, the browser keeps a cookie signed for that account. A sign-in
 * that carries it is counted as that device rather than as its network address, and passes the
 * server-wide cap on failed sign-ins, which strangers without it do not.
 */
export interface SignInDevices {
	/** The device id this request's cookie proves for the account, or null. */
	recognise(cookieHeader: string | undefined, email: string): string | null;
	/**
	 * A Set-Cookie value that marks the browser as one the account signed in with, keeping a
	 * recognised device's id; forwardCookies adds Secure over HTTPS.
	 */
	cookieFor(email: string, device?: string | null): string;
}

function cookieValue(header: string | undefined, name: string): string | null {
	for (const part of header?.split(";") ?? []) {
		const [key, ...value] = part.trim().split("=");
		if (key === name) return value.join("=");
	}
	return null;
}

export function signInDevices(secret: string): SignInDevices {
	const mac = (device: string, email: string) =>
		createHmac("sha256", secret)
			.update(`${device}\n${email}`)
			.digest("base64url");

	return {
		recognise(cookieHeader, email) {
			const [device, signature, ...rest] =
				cookieValue(cookieHeader, DEVICE_COOKIE)?.split(".") ?? [];
			if (!device || !signature || rest.length) return null;
			const expected = Buffer.from(mac(device, email));
			const given = Buffer.from(signature);
			return given.length === expected.length &&
				timingSafeEqual(given, expected)
				? device
				: null;
		},
		cookieFor(email, known) {
			const device = known ?? randomBytes(16).toString("base64url");
			// sent with sign-in requests only; the web app signs in from its own origin
			return [
				`${DEVICE_COOKIE}=${device}.${mac(device, email)}`,
				"Path=/api/auth/sign-in",
				`Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`,
				"HttpOnly",
				"SameSite=Strict",
			].join("; ");
		},
	};
}
