/** PGlite hands a jsonb value built in a query back as text, node-postgres as an object. */
export const parsedJson = <T>(value: T | string): T =>
	typeof value === "string" ? (JSON.parse(value) as T) : value;
