import { describe, expect, it, vi } from "vitest";
import { createTokenCache } from "./token-cache";

describe("createTokenCache", () => {
	it("reuses a token until 15 seconds before it expires, then fetches a new one", async () => {
		let now = 0;
		let issued = 0;
		const fetchToken = vi.fn(async () => {
			issued += 1;
			return {
				token: `token-${issued}`,
				expires_at: new Date(now + 60_000).toISOString(),
			};
		});
		const cache = createTokenCache(fetchToken, () => now);
		expect(await cache.get()).toBe("token-1");
		now = 44_000;
		expect(await cache.get()).toBe("token-1");
		now = 46_000;
		expect(await cache.get()).toBe("token-2");
		expect(fetchToken).toHaveBeenCalledTimes(2);
	});

	it("shares one request between concurrent callers, and forgets the token when cleared", async () => {
		const fetchToken = vi.fn(async () => ({
			token: "t",
			expires_at: new Date(Date.now() + 60_000).toISOString(),
		}));
		const cache = createTokenCache(fetchToken);
		await Promise.all([cache.get(), cache.get(), cache.get()]);
		expect(fetchToken).toHaveBeenCalledTimes(1);
		cache.clear();
		await cache.get();
		expect(fetchToken).toHaveBeenCalledTimes(2);
	});
});
