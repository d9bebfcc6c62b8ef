/** Every URL of the web app, in one place. */
export const paths = {
	generate: "/",
	history: "/history",
	progress: "/progress",
	/** one challenge (the router's pattern); link to one with `challengePath(id)` */
	challenge: "/challenges/:id",
	signIn: "/sign-in",
	signUp: "/sign-up",
} as const;

export const challengePath = (id: number) => `/challenges/${id}`;
