import { type FakeOpenAi, startFakeOpenAi } from "@app/generator/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
	buildTestApp,
	type TestAppOptions,
	type TestContext,
} from "./build-test-app.js";

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

/**
 * An app whose generator is the model one, as its config makes it, asking this fake model (unless
 * `options.generator` gives one); `options.env` adds to or overrides the settings.
 */
export const modelApp = (
	context: TestContext,
	model: { fake: FakeOpenAi },
	options: TestAppOptions = {},
) =>
	buildTestApp(context, {
		generator: null,
		...options,
		env: {
			GENERATOR: "openai",
			OPENAI_BASE_URL: model.fake.url,
			OPENAI_MODEL: "fake-model",
			...options.env,
		},
	});
