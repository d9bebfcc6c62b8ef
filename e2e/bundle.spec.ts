import { expect, test } from "@playwright/test";
import { INITIAL_JS_BUDGET_BYTES, measureBundle } from "./bundle-size";

test("the first page load needs at most 200 KB of gzipped JavaScript", () => {
	const { initialBytes, clerkBytes, shikiBytes } = measureBundle();
	expect(initialBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
	// Clerk's SDK and the highlighter load only when needed, so they stay out of that budget
	expect(clerkBytes).toBeGreaterThan(0);
	expect(shikiBytes).toBeGreaterThan(0);
});
