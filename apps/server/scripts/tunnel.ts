/**
 * Exposes the local server on a public HTTPS address with ngrok, so that a real Clerk instance
 * can deliver webhooks to it.
 *
 *   NGROK_AUTHTOKEN=… npm run tunnel
 */
import ngrok from "@ngrok/ngrok";
import { loadDotEnv } from "../src/environment.js";

loadDotEnv();

const authtoken = process.env.NGROK_AUTHTOKEN;
const port = Number(process.env.PORT ?? "8000");
if (!authtoken) {
	console.error("NGROK_AUTHTOKEN is not set.");
	console.error(
		"1. Create a free ngrok account and copy your authtoken from https://dashboard.ngrok.com/get-started/your-authtoken",
	);
	console.error(
		"2. Put NGROK_AUTHTOKEN=<token> in .env (or the environment) and run `npm run tunnel` again.",
	);
	console.error(
		"To try webhooks without any account, use `npm run webhook:send -- user.created --user user_123` instead.",
	);
	process.exit(2);
}

const listener = await ngrok.forward({ addr: port, authtoken });
console.log(`Forwarding ${listener.url()} → http://localhost:${port}`);
console.log(
	`In Clerk's dashboard (Configure → Webhooks), add the endpoint ${listener.url()}/webhooks/clerk`,
);
console.log(
	"subscribe it to user.created and user.deleted, and put its signing secret in CLERK_WEBHOOK_SECRET.",
);
console.log("Press Ctrl+C to stop.");
process.once("SIGINT", async () => {
	await listener.close();
	process.exit(0);
});
