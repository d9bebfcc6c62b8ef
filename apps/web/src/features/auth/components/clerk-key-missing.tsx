import { PageTitle } from "@/components/layout/page-title";
import "@/components/layout/full-page.css";

/**
 * The server signs people in with Clerk but gave no publishable key: without it Clerk's sign-in
 * cannot load, and local accounts do not exist in Clerk mode, so nobody could sign in.
 */
export function ClerkKeyMissing() {
	return (
		<main className="full-page" role="alert">
			<PageTitle page="Sign-in not configured" />
			<h1>Sign-in is not configured</h1>
			<p>
				This server signs people in with Clerk, but it has no Clerk publishable
				key.
			</p>
			<p>
				To the operator: set <code>CLERK_PUBLISHABLE_KEY</code> (the{" "}
				<code>pk_…</code> key from the Clerk dashboard) in the server's
				environment or <code>.env</code>, and restart it.
			</p>
		</main>
	);
}
