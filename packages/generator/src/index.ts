import type { GeneratorKind } from "@app/contract";
import { createOfflineGenerator } from "./providers/offline.js";
import { createSandbox, type RunLimits } from "./sandbox/sandbox.js";
import { FAMILIES } from "./templates/registry.js";
import { type Generator, GeneratorError } from "./types.js";

export { familiesFor, variantKey } from "./providers/offline.js";
export { createRng, type Rng } from "./rng.js";
export {
	createSandbox,
	DEFAULT_LIMITS,
	type RunLimits,
	type RunResult,
	type Sandbox,
} from "./sandbox/sandbox.js";
export type { Family, Instance, Mistake } from "./templates/family.js";
export { FAMILIES } from "./templates/registry.js";
export * from "./types.js";

export interface GeneratorOptions {
	kind: GeneratorKind;
	/** limits for each sandbox run */
	limits?: Partial<RunLimits>;
}

/** Creates the generator that config selects; the sandbox workers start on first use or on warm(). */
export function createGenerator(options: GeneratorOptions): Generator {
	const sandbox = createSandbox(options.limits);
	if (options.kind === "openai") {
		return {
			kind: "openai",
			generate: async () => {
				throw new GeneratorError(
					"unavailable",
					"The OpenAI-compatible provider is not available in this version.",
				);
			},
			warm: async () => {},
			close: () => sandbox.close(),
		};
	}
	return createOfflineGenerator(sandbox, FAMILIES);
}
