/** Every URL of the web app, in one place. */
export const paths = {
	generate: "/",
	history: "/history",
	progress: "/progress",
	signIn: "/sign-in",
	signUp: "/sign-up",
} as const;
