import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy… waits this long for the page to settle: a first render that loads a route's code can take
// over a second on a busy machine (a bound on waiting, not an expectation about speed)
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
	cleanup();
	localStorage.clear();
});
