/**
 * Resets a local account's password (there are no reset e-mails without an SMTP server) and
 * signs the account out everywhere. Run it with the same DATA_DIR or DATABASE_URL as the server;
 * with PGlite, stop the server first (one process at a time may open its files).
 *
 *   npm run account:reset-password -- --email ada@example.com [--password "new password"]
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@app/contract";
import { instanceSecret } from "../src/db/instance-secret.js";
import { openDb } from "../src/db/open-db.js";
import { configOrExit, loadDotEnv } from "../src/environment.js";
import { createLocalAuth } from "../src/features/accounts/local-auth.js";
import { passwordWeakness } from "../src/features/accounts/password-strength.js";
import { resetPassword } from "../src/features/accounts/reset-password.js";

loadDotEnv();

const { values } = parseArgs({
	options: { email: { type: "string" }, password: { type: "string" } },
});
const password = values.password ?? randomBytes(12).toString("base64url");
if (
	!values.email ||
	password.length < PASSWORD_MIN_LENGTH ||
	password.length > PASSWORD_MAX_LENGTH
) {
	console.error(
		`Usage: npm run account:reset-password -- --email <address> [--password <${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters>]`,
	);
	process.exit(2);
}

// the rule of sign-up: an operator's choice is not exempt from it
const weakness = passwordWeakness(password, values.email);
if (weakness) {
	console.error(`That password ${weakness}`);
	process.exit(2);
}

const config = configOrExit(process.env, 2);
if (config.auth.provider !== "local") {
	console.error(
		"AUTH_PROVIDER is clerk: passwords are managed in Clerk's dashboard.",
	);
	process.exit(2);
}

const database = await openDb(config);
try {
	const auth = createLocalAuth({
		db: database.db,
		secret: await instanceSecret(database.db, "better-auth"),
		trustedOrigins: config.corsOrigins,
		onUserCreated: async () => undefined,
		onUserDeleted: async () => undefined,
		log: (level, message) => level === "error" && console.error(message),
	});
	if (!(await resetPassword(auth, values.email, password))) {
		console.error(`No local account has the email ${values.email}.`);
		process.exitCode = 1;
	} else {
		console.log(
			`The password of ${values.email} is reset and its sessions are signed out.`,
		);
		if (!values.password) console.log(`New password: ${password}`);
	}
} finally {
	await database.close();
}
