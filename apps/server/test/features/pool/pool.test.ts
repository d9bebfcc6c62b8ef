import type { Generator } from "@app/generator";
import { describe, expect, it } from "vitest";
import {
	addPooled,
	claimPooled,
	countPooled,
} from "../../../src/features/pool/pool.repo.js";
import {
	buildTestApp,
	buildTwoServers,
	newUserId,
	type TestContext,
	useTestContext,
} from "../../helpers/build-test-app.js";
import { generate } from "../../helpers/practice.js";
import { ENGINES } from "../../helpers/test-db.js";

const cell = { difficulty: "medium", language: "javascript" } as const;

/** The pool serves model-backed generators; the tests stand an offline-based generator in for the model. */
const MODEL = { GENERATOR: "openai", OPENAI_API_KEY: "sk-test" };

/** The real generator, numbering each challenge in its title so that any repeat is visible. */
function numberedGenerator(context: TestContext) {
	const calls: { topic?: string }[] = [];
	let serial = 0;
	const generator: Generator = {
		...context.generator,
		generate: async (request, signal) => {
			calls.push({ topic: request.topic });
			const result = await context.generator.generate(request, signal);
			serial += 1;
			return {
				...result,
				challenge: {
					...result.challenge,
					title: `${result.challenge.title} #${serial}`,
				},
			};
		},
		close: async () => {},
	};
	return { generator, calls };
}

describe.each(ENGINES)("the challenge pool on %s", (engine) => {
	const context = useTestContext(engine);

	it("is not used with the offline generator, which is faster than the pool", async () => {
		const t = await buildTestApp(context, { env: { POOL_SIZE: 3 } });
		expect(t.app.services.pool).toBeNull();
	});

	it("is turned off by POOL_SIZE=0: the model generates each request", async () => {
		const { generator, calls } = numberedGenerator(context);
		const t = await buildTestApp(context, {
			env: { ...MODEL, POOL_SIZE: 0 },
			generator,
		});
		expect(t.app.services.pool).toBeNull();
		expect(calls).toHaveLength(0);
		const response = await generate(t, await t.auth(newUserId()), cell);
		expect(response.statusCode).toBe(200);
		expect(calls).toHaveLength(1);
		expect(await countPooled(context.db.db, cell)).toBe(0);
		await t.app.close();
	});

	it("fills every cell at start-up, serves from it without generating, and refills", async () => {
		const { generator, calls } = numberedGenerator(context);
		const t = await buildTestApp(context, {
			env: { ...MODEL, POOL_SIZE: 2 },
			generator,
		});
		await t.app.services.pool?.idle();
		expect(calls).toHaveLength(12);
		expect(await countPooled(context.db.db, cell)).toBeGreaterThanOrEqual(2);

		const headers = await t.auth(newUserId());
		const generatedBefore = calls.length;
		const response = await generate(t, headers, cell);
		expect(response.statusCode).toBe(200);
		expect(response.json()).toMatchObject({ ...cell, verified: true });
		// served from the start-up fill, and one generation afterwards to top the cell up
		expect(Number(response.json().title.split("#")[1])).toBeLessThanOrEqual(12);
		await t.app.services.pool?.idle();
		expect(calls.length).toBe(generatedBefore + 1);
		expect(await countPooled(context.db.db, cell)).toBeGreaterThanOrEqual(2);
		await t.app.close();
		await clearPool(context);
	});

	it("generates a topic request for its topic instead of serving the pool", async () => {
		const { generator, calls } = numberedGenerator(context);
		const t = await buildTestApp(context, {
			env: { ...MODEL, POOL_SIZE: 1 },
			generator,
		});
		await t.app.services.pool?.idle();
		const response = await generate(t, await t.auth(newUserId()), {
			...cell,
			topic: "aliasing",
		});
		expect(response.statusCode).toBe(200);
		expect(calls.filter((call) => call.topic === "aliasing")).toHaveLength(1);
		await t.app.close();
		await clearPool(context);
	});

	it("skips pooled challenges the user has already seen", async () => {
		const db = context.db.db;
		const generated = await context.generator.generate({ ...cell });
		await addPooled(db, { ...generated, variantKey: "f:seen:s1" }, new Date());
		await addPooled(db, { ...generated, variantKey: "f:fresh:s2" }, new Date());
		const claimed = await claimPooled(db, cell, {
			seen: new Set(["f:seen"]),
			recent: [],
		});
		expect(claimed?.variantKey).toBe("f:fresh:s2");
		expect(
			await claimPooled(db, cell, { seen: new Set(["f:seen"]), recent: [] }),
		).toBeUndefined();
		await clearPool(context);
	});

	it("skips pooled challenges that look like one of the user's recent ones (same family and shape)", async () => {
		const db = context.db.db;
		const generated = await context.generator.generate({ ...cell });
		await addPooled(
			db,
			{ ...generated, variantKey: "f:code1:shape1" },
			new Date(),
		);
		await addPooled(
			db,
			{ ...generated, variantKey: "f:code2:shape2" },
			new Date(),
		);
		await addPooled(
			db,
			{ ...generated, variantKey: "g:code3:shape1" },
			new Date(),
		);
		const history = { seen: new Set<string>(), recent: ["f:code9:shape1"] };
		const first = await claimPooled(db, cell, history);
		const second = await claimPooled(db, cell, history);
		expect([first?.variantKey, second?.variantKey]).toEqual([
			"f:code2:shape2",
			"g:code3:shape1",
		]);
		expect(await claimPooled(db, cell, history)).toBeUndefined();
		await clearPool(context);
	});

	it("hands each pooled challenge to exactly one of many concurrent claims", async () => {
		const db = context.db.db;
		const generated = await context.generator.generate({ ...cell });
		for (let i = 0; i < 10; i++)
			await addPooled(db, { ...generated, variantKey: `key-${i}` }, new Date());
		const claims = await Promise.all(
			Array.from({ length: 30 }, () =>
				db.transaction((tx) =>
					claimPooled(tx, cell, { seen: new Set(), recent: [] }),
				),
			),
		);
		const ids = claims.flatMap((claim) => (claim ? [claim.id] : []));
		expect(ids).toHaveLength(10);
		expect(new Set(ids).size).toBe(10);
		expect(await countPooled(db, cell)).toBe(0);
	});
});

describe.runIf(ENGINES.includes("postgres"))(
	"the challenge pool shared by two server processes",
	() => {
		const context = useTestContext("postgres");

		it("never serves one pooled challenge twice under concurrent requests on both servers", async () => {
			const { generator } = numberedGenerator(context);
			const [a, b] = await buildTwoServers(context, {
				env: { ...MODEL, POOL_SIZE: 5 },
				generator,
			});
			await Promise.all([
				a.app.services.pool?.idle(),
				b.app.services.pool?.idle(),
			]);
			const responses = await Promise.all(
				Array.from({ length: 24 }, async (_, i) => {
					const t = i % 2 ? a : b;
					return generate(t, await t.auth(newUserId()), cell);
				}),
			);
			expect(responses.every((r) => r.statusCode === 200)).toBe(true);
			const titles = responses.map((r) => r.json().title as string);
			expect(new Set(titles).size).toBe(titles.length);
		});
	},
);

async function clearPool(context: TestContext) {
	const { challengePool } = await import("../../../src/db/schema.js");
	await context.db.db.delete(challengePool);
}
