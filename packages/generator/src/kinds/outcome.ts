import { mistakePrograms } from "../combined-mistakes.js";
import type { Distractor } from "../distractors.js";
import { optionOf } from "../sandbox/outcome-option.js";
import type { RunResult, Sandbox } from "../sandbox/sandbox.js";
import type {
	Instance,
	OutcomeFamily,
	OutcomeKind,
} from "../templates/family.js";
import { type Proof, runAll } from "./proof.js";

/** Why a run's output (or outcome) cannot be an option. */
function unusable(run: RunResult, kind: OutcomeKind): string {
	const raised = kind === "error" && run.status === "error" && run.raised;
	if (run.status !== "ok" && !raised)
		return `${run.status}${"error" in run ? ` (${run.error})` : ""}`;
	if (!run.exact) return "output cannot be reproduced exactly";
	return "unusable output";
}

/**
 * `output` and `error` questions: the snippet's output (or outcome) is the answer, and what each
 * mistake program prints (alone, or two combined) is a wrong option.
 */
export async function proveOutcome(
	sandbox: Sandbox,
	family: OutcomeFamily,
	instance: Instance,
	kind: OutcomeKind,
): Promise<Proof> {
	const programs = mistakePrograms(instance);
	const { results, sandboxMs } = await runAll(sandbox, family.language, [
		instance.code,
		...programs.map((program) => program.code),
	]);
	const [real, ...variants] = results;
	if (!real) return "nothing ran";
	const answer = optionOf(kind, real);
	if (answer === null) return unusable(real, kind);
	const candidates: Distractor[] = [];
	for (const [index, run] of variants.entries()) {
		const text = optionOf(kind, run);
		const program = programs[index];
		if (text !== null && program)
			candidates.push({
				text,
				origin: program.origin,
				misconception: program.misconception,
			});
	}
	return {
		code: instance.code,
		answer,
		candidates,
		why: instance.explain(answer),
		...(instance.trace ? { trace: instance.trace } : {}),
		runs: results.length,
		sandboxMs,
	};
}
