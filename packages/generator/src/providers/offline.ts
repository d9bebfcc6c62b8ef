import { randomInt } from "node:crypto";
import type { ChallengeContent } from "@app/contract";
import { assembleOptions, type Distractor } from "../distractors.js";
import { createRng, hash32 } from "../rng.js";
import { printedOption } from "../sandbox/printed-option.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import type { Family, Instance } from "../templates/family.js";
import { matchesTopic } from "../topic.js";
import {
	type GenerateRequest,
	type GenerateResult,
	type Generator,
	GeneratorError,
} from "../types.js";

/** How many instances to try before giving up (an excluded repeat or a broken template costs one). */
const MAX_ATTEMPTS = 12;

/** The key that identifies a challenge: the same family showing the same code is the same challenge. */
export const variantKey = (family: Family, code: string) =>
	`${family.id}:${hash32(code)}`;

/** An option inside a sentence: quoted, on one line. */
const quoted = (text: string) => `“${text.replaceAll("\n", " / ")}”`;

/** The challenge's explanation: why the answer is right, then one note for each distractor a mistake model printed. */
export function explanation(why: string, distractors: Distractor[]): string {
	const notes = distractors
		.filter((d) => d.misconception)
		.map(
			(d) =>
				`• ${quoted(d.text)} is what you would predict if you thought that ${d.misconception}.`,
		);
	return notes.length ? `${why}\n\n${notes.join("\n")}` : why;
}

/** Picks the families for a request: its language and difficulty, narrowed to the topic when any family matches it. */
export function familiesFor(
	families: readonly Family[],
	request: GenerateRequest,
): Family[] {
	const cell = families.filter(
		(f) =>
			f.language === request.language && f.difficulty === request.difficulty,
	);
	const onTopic = request.topic
		? cell.filter((f) => matchesTopic(f, request.topic ?? ""))
		: [];
	return onTopic.length ? onTopic : cell;
}

/** The offline generator: template families whose answers and distractors come from running code. */
export function createOfflineGenerator(
	sandbox: Sandbox,
	families: readonly Family[],
): Generator {
	/** Runs one instance and its mistakes; returns the challenge, or why this instance cannot be used. */
	async function attempt(
		family: Family,
		instance: Instance,
		key: string,
	): Promise<GenerateResult | string> {
		const real = await sandbox.run(family.language, instance.code);
		let runs = 1;
		let sandboxMs = real.durationMs;
		if (real.status !== "ok")
			return `${key}: ${real.status}${"error" in real ? ` (${real.error})` : ""}`;
		if (!real.exact) return `${key}: output cannot be reproduced exactly`;
		const answer = printedOption(real);
		if (answer === null) return `${key}: unusable output`;

		const candidates: Distractor[] = [];
		for (const mistake of instance.mistakes) {
			const run = await sandbox.run(family.language, mistake.code);
			runs += 1;
			sandboxMs += run.durationMs;
			const text = printedOption(run);
			if (text !== null)
				candidates.push({ text, misconception: mistake.misconception });
		}
		const assembled = assembleOptions(
			answer,
			candidates,
			createRng(Number.parseInt(hash32(key), 16)),
		);
		if (!assembled) return `${key}: fewer than three distinct wrong answers`;
		const challenge: ChallengeContent = {
			difficulty: family.difficulty,
			language: family.language,
			title: `${family.title}: what does this code print?`,
			code: instance.code,
			options: assembled.options,
			correct_answer_id: assembled.correctIndex,
			explanation: explanation(instance.explain(answer), assembled.distractors),
			verified: true,
			source: `offline:${family.id}`,
			verification: "executed",
		};
		return {
			challenge,
			variantKey: key,
			report: { runs, sandboxMs, modelCalls: 0 },
		};
	}

	return {
		kind: "offline",
		async generate(request, signal) {
			const candidates = familiesFor(families, request);
			if (candidates.length === 0) {
				throw new GeneratorError(
					"unavailable",
					`No ${request.difficulty} ${request.language} templates are available.`,
				);
			}
			const rng = createRng(request.seed ?? randomInt(2 ** 31));
			const problems: string[] = [];
			for (let i = 0; i < MAX_ATTEMPTS; i++) {
				signal?.throwIfAborted();
				const family = rng.pick(candidates);
				const instance = family.build(family.params(rng));
				const key = variantKey(family, instance.code);
				// the last attempts accept a repeat: a user who has seen everything still gets a challenge
				if (request.exclude?.has(key) && i < MAX_ATTEMPTS - 2) continue;
				const result = await attempt(family, instance, key);
				if (typeof result !== "string") return result;
				problems.push(result);
			}
			throw new GeneratorError(
				"failed",
				"Could not produce a verified challenge; please try again.",
				{
					cause: new Error(problems.join("; ")),
				},
			);
		},
		warm: () => sandbox.warm(),
		close: () => sandbox.close(),
	};
}
