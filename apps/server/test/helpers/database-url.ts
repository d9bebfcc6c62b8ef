/** The same server and credentials, another database. */
export function databaseUrl(base: string, database: string): string {
	const url = new URL(base);
	url.pathname = `/${database}`;
	return url.toString();
}
