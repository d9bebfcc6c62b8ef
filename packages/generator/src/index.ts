import type { GeneratorKind } from "@app/contract";
import { createOfflineGenerator } from "./providers/offline.js";
import {
	createOpenAiGenerator,
	type OpenAiOptions,
} from "./providers/openai.js";
import {
	createSandbox,
	type RunLimits,
	SandboxUnavailableError,
} from "./sandbox/sandbox.js";
import { type GenerationEvent, publish } from "./telemetry.js";
import { FAMILIES } from "./templates/registry.js";
import { type Generator, GeneratorError } from "./types.js";

export { ideaLevels } from "./idea-levels.js";
export { IDEAS, type Idea, ideaById } from "./ideas.js";
export type { OpenAiOptions } from "./providers/openai.js";
export {
	type GenerationEvent,
	type GeneratorEvents,
	type ModelAttemptEvent,
	type RedraftEvent,
	type SandboxRunEvent,
	subscribe,
} from "./telemetry.js";
export {
	type Diagnosis,
	type GenerateRequest,
	type GenerateResult,
	type GenerationReport,
	type Generator,
	GeneratorError,
	type GeneratorFailure,
} from "./types.js";
export { identityOf, LOOK_WINDOW, lookOf } from "./variety.js";

export interface GeneratorOptions {
	kind: GeneratorKind;
	/** limits for each sandbox run */
	limits?: Partial<RunLimits>;
	/** required when kind is "openai" */
	openai?: OpenAiOptions;
}

/** Creates the generator that config selects; the sandbox workers start on first use or on warm(). */
export function createGenerator(options: GeneratorOptions): Generator {
	const sandbox = createSandbox(options.limits);
	if (options.kind === "openai") {
		if (!options.openai)
			throw new Error("the openai generator needs its options");
		return reported(
			withSandboxFailures(createOpenAiGenerator(sandbox, options.openai)),
		);
	}
	return reported(
		withSandboxFailures(createOfflineGenerator(sandbox, FAMILIES)),
	);
}

/** Publishes how each generation ended and how long it took (see telemetry.ts). */
function reported(generator: Generator): Generator {
	return {
		...generator,
		generate: async (request, signal) => {
			const started = performance.now();
			const ended = (outcome: GenerationEvent["outcome"]) =>
				publish("generation", () => ({
					provider: generator.kind,
					language: request.language,
					outcome,
					durationMs: performance.now() - started,
				}));
			try {
				const result = await generator.generate(request, signal);
				ended(result.challenge.verification);
				return result;
			} catch (error) {
				ended(
					signal?.aborted
						? "aborted"
						: error instanceof GeneratorError
							? error.failure
							: "failed",
				);
				throw error;
			}
		},
	};
}

/** A sandbox process that died or hung is replaced; the generations it cost fail as "unavailable" (503). */
function withSandboxFailures(generator: Generator): Generator {
	return {
		...generator,
		generate: (request, signal) =>
			generator.generate(request, signal).catch((error: unknown) => {
				if (!(error instanceof SandboxUnavailableError)) throw error;
				throw new GeneratorError(
					"unavailable",
					"The code sandbox is restarting; please try again.",
					{ cause: error },
				);
			}),
	};
}
