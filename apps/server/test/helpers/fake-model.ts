import { type FakeOpenAi, startFakeOpenAi } from "@app/generator/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * A local OpenAI-compatible server for a describe block: started before its tests, its queue and
 * records emptied before each test, closed after the block. Read `model.fake` inside tests.
 */
export function useFakeModel(): { fake: FakeOpenAi } {
	const model = {} as { fake: FakeOpenAi };
	beforeAll(async () => {
		model.fake = await startFakeOpenAi();
	});
	afterAll(() => model.fake.close());
	beforeEach(() => model.fake.reset());
	return model;
}
