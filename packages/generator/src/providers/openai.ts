import type { ChallengeContent, Difficulty, Language } from "@app/contract";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ResponseFormatJSONSchema } from "openai/resources/shared";
import { diagnose, ideasFor, type Served } from "../llm/diagnosis.js";
import {
	type Draft,
	draftRequestSchema,
	ExplanationSchema,
	readDraft,
} from "../llm/draft.js";
import { challengeMessages, explanationMessages } from "../llm/prompts.js";
import { verifyDraft } from "../llm/verify-draft.js";
import { hash32 } from "../rng.js";
import { RUNTIMES } from "../runtime.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import { publish } from "../telemetry.js";
import {
	type GenerateRequest,
	type GenerateResult,
	type Generator,
	GeneratorError,
} from "../types.js";

export interface OpenAiOptions {
	/** optional: local servers (Ollama, llama.cpp) take any key */
	apiKey: string | null;
	/** any OpenAI-compatible server; null means OpenAI's */
	baseUrl: string | null;
	model: string;
	/** per HTTP attempt */
	timeoutMs?: number;
	/** SDK retries with backoff on timeouts, 408/409/429 and 5xx, after the first attempt */
	maxRetries?: number;
}

/** Replies that are not a usable challenge (bad JSON, schema violations) are asked for again this many times in all. */
const MAX_DRAFTS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;

/** The structured-output formats, converted to JSON Schema once rather than on every call (about 1 ms each). */
const EXPLANATION_FORMAT = zodResponseFormat(ExplanationSchema, "explanation");
type ResponseFormat = ResponseFormatJSONSchema;
const draftFormats = new Map<string, ResponseFormat>();

/** The draft's format for a list of idea ids (its enum), converted once per list. */
function draftFormat(ideaIds: readonly string[]): ResponseFormat {
	const key = ideaIds.join("\n");
	const known = draftFormats.get(key);
	if (known) return known;
	const format = zodResponseFormat(draftRequestSchema(ideaIds), "challenge");
	draftFormats.set(key, format);
	return format;
}

/** A draft served as the model wrote it. */
const asServed = (draft: Draft): Served => ({
	correct: draft.correct_answer_id,
	origins: draft.options.map((_, index) => index),
});

/** What a transport failure means for the caller, once the SDK has spent its retries. */
function transportFailure(error: unknown): GeneratorError {
	if (error instanceof OpenAI.APIConnectionTimeoutError) {
		return new GeneratorError(
			"unavailable",
			"The model did not answer in time; please try again.",
			{ cause: error },
		);
	}
	if (error instanceof OpenAI.APIConnectionError) {
		return new GeneratorError(
			"unavailable",
			"The model server cannot be reached.",
			{ cause: error },
		);
	}
	if (error instanceof OpenAI.RateLimitError) {
		return new GeneratorError(
			"unavailable",
			"The model server is busy; please try again shortly.",
			{ cause: error },
		);
	}
	if (
		error instanceof OpenAI.AuthenticationError ||
		error instanceof OpenAI.PermissionDeniedError
	) {
		return new GeneratorError(
			"unavailable",
			"The model server refused the configured credentials.",
			{ cause: error },
		);
	}
	return new GeneratorError(
		"failed",
		"The model server failed to produce a challenge.",
		{ cause: error },
	);
}

/** The SDK numbers its attempts in this header: 0 for the first, then 1, 2… for its retries. */
const RETRY_COUNT_HEADER = "x-stainless-retry-count";

/** fetch, reporting each HTTP attempt the SDK makes (its retries included) with how it ended. */
const reportingFetch: typeof fetch = async (input, init) => {
	const retry = new Headers(init?.headers).get(RETRY_COUNT_HEADER) ?? "0";
	const started = performance.now();
	const attempt = (status: number | null) =>
		publish("modelAttempt", () => ({
			status,
			retry: retry !== "0",
			durationMs: performance.now() - started,
		}));
	try {
		const response = await fetch(input, init);
		attempt(response.status);
		return response;
	} catch (error) {
		attempt(null);
		throw error;
	}
};

/** The LLM provider: asks an OpenAI-compatible model for a challenge, then proves or fixes its answer by running the code. */
export function createOpenAiGenerator(
	sandbox: Sandbox,
	options: OpenAiOptions,
): Generator {
	const client = new OpenAI({
		apiKey: options.apiKey ?? "not-needed",
		baseURL: options.baseUrl ?? undefined,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
		fetch: reportingFetch,
	});
	const source = `openai:${options.model}`;

	async function ask(
		messages: ChatCompletionMessageParam[],
		format: ResponseFormat,
		signal?: AbortSignal,
	): Promise<string | null | undefined> {
		try {
			const completion = await client.chat.completions.create(
				{
					model: options.model,
					messages,
					temperature: 0.8,
					response_format: format,
				},
				{ signal },
			);
			return completion.choices[0]?.message.content;
		} catch (error) {
			if (signal?.aborted) throw signal.reason;
			throw transportFailure(error);
		}
	}

	/** A new explanation for a corrected answer; without one, a plain statement of what the code prints. */
	async function explainCorrection(
		language: Language,
		draft: Draft,
		output: string,
		rejected: string,
		signal?: AbortSignal,
	) {
		const fallback = `Running this code prints ${output}. (The answer first proposed, ${rejected}, is not what the code prints.)`;
		try {
			const reply = await ask(
				explanationMessages({
					language,
					code: draft.code ?? "",
					output,
					rejected,
				}),
				EXPLANATION_FORMAT,
				signal,
			);
			const parsed = ExplanationSchema.safeParse(JSON.parse(reply ?? ""));
			return parsed.success ? parsed.data.explanation : fallback;
		} catch (error) {
			if (signal?.aborted) throw error;
			return fallback;
		}
	}

	async function generate(
		request: GenerateRequest,
		signal?: AbortSignal,
	): Promise<GenerateResult> {
		const problems: string[] = [];
		let unrunnable: Draft | undefined;
		let modelCalls = 0;
		let sandboxMs = 0;
		let runs = 0;
		const ideas = ideasFor(request.language);
		const messages = challengeMessages(request, ideas);
		const format = draftFormat(ideas.map((idea) => idea.id));
		for (let attempt = 0; attempt < MAX_DRAFTS; attempt++) {
			modelCalls += 1;
			const draft = readDraft(await ask(messages, format, signal));
			if (typeof draft === "string") {
				problems.push(draft);
				if (attempt + 1 < MAX_DRAFTS)
					publish("redraft", () => ({ reason: "unusable_reply" }));
				continue;
			}
			const checked = await verifyDraft(sandbox, request.language, draft);
			sandboxMs += checked.sandboxMs;
			if (checked.ran) runs += 1;
			// code that does not run is asked for again once; the second such draft is served unverified
			if (checked.verification === "not_runnable" && !unrunnable) {
				unrunnable = draft;
				problems.push("the code did not run");
				if (attempt + 1 < MAX_DRAFTS)
					publish("redraft", () => ({ reason: "not_runnable" }));
				continue;
			}
			let explanation = checked.draft.explanation;
			if (
				checked.verification === "corrected" &&
				checked.output !== undefined
			) {
				modelCalls += 1;
				explanation = await explainCorrection(
					request.language,
					checked.draft,
					checked.output,
					checked.rejected ?? "",
					signal,
				);
			}
			return toResult(
				request,
				checked.draft,
				checked.verification,
				explanation,
				diagnose(options.model, request, draft, {
					correct: checked.draft.correct_answer_id,
					origins: checked.origins,
				}),
				{
					runs,
					sandboxMs,
					modelCalls,
					rejectedAnswer: checked.rejected,
				},
			);
		}
		if (unrunnable) {
			return toResult(
				request,
				unrunnable,
				"not_runnable",
				unrunnable.explanation,
				diagnose(options.model, request, unrunnable, asServed(unrunnable)),
				{ runs, sandboxMs, modelCalls },
			);
		}
		throw new GeneratorError(
			"failed",
			"The model did not return a usable challenge; please try again.",
			{
				cause: new Error(problems.join("; ")),
			},
		);
	}

	function toResult(
		request: { difficulty: Difficulty; language: Language },
		draft: Draft,
		verification: ChallengeContent["verification"],
		explanation: string,
		diagnosis: GenerateResult["diagnosis"],
		report: GenerateResult["report"],
	): GenerateResult {
		const challenge: ChallengeContent = {
			difficulty: request.difficulty,
			language: request.language,
			kind: "output",
			runtime: RUNTIMES[request.language],
			title: draft.title,
			code: draft.code?.trim() ? draft.code : null,
			options: draft.options,
			correct_answer_id: draft.correct_answer_id,
			explanation,
			verified: verification === "executed" || verification === "corrected",
			source,
			verification,
		};
		return {
			challenge,
			diagnosis,
			variantKey: `llm:${hash32(`${draft.title}\n${draft.code ?? ""}`)}`,
			report,
		};
	}

	return {
		kind: "openai",
		generate,
		// every draft's Python runs in an interpreter of its own: the first one is started too
		warm: () => sandbox.warm(undefined, { isolated: true }),
		close: () => sandbox.close(),
	};
}
