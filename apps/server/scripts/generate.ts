/**
 * Prints challenges from the configured generator, with how each answer was verified: a tool for
 * people who write templates or tune the model prompt.
 *
 *   npm run generate -- --difficulty hard --language python --count 5 [--kind fill-in] [--topic closures] [--idea py.aliasing] [--seed 42] [--json]
 *
 * Each option is followed by the id of the belief behind it (what the learner sees after a wrong answer).
 */
import { parseArgs } from "node:util";
import {
	ChallengeKindSchema,
	GenerateChallengeRequestSchema,
} from "@app/contract";
import { createGenerator, type GenerateResult, ideaById } from "@app/generator";
import { configOrExit, loadDotEnv } from "../src/environment.js";

loadDotEnv();

const { values } = parseArgs({
	options: {
		difficulty: { type: "string", default: "medium" },
		language: { type: "string", default: "python" },
		topic: { type: "string" },
		idea: { type: "string" },
		kind: { type: "string" },
		count: { type: "string", default: "3" },
		seed: { type: "string" },
		json: { type: "boolean", default: false },
	},
});

const request = GenerateChallengeRequestSchema.safeParse(values);
const kind = ChallengeKindSchema.optional().safeParse(values.kind);
const count = Number(values.count);
if (
	!request.success ||
	!kind.success ||
	!Number.isInteger(count) ||
	count < 1 ||
	count > 100 ||
	(values.idea !== undefined && !ideaById(values.idea))
) {
	console.error(
		"Usage: npm run generate -- --difficulty easy|medium|hard --language python|javascript [--kind output|error|fill-in|fix-the-bug] [--count 1-100] [--topic text] [--idea <idea id, e.g. py.aliasing>] [--seed n] [--json]",
	);
	process.exit(2);
}

const config = configOrExit(process.env, 2);

/** What "executed" proved, by kind of question. */
const EXECUTED: Record<string, string> = {
	output: "verified: the sandbox printed the marked answer",
	error: "verified: the sandbox's run did what the marked answer says",
	"fill-in":
		"verified: every filling was run, and only the marked one prints the stated output",
	"fix-the-bug":
		"verified: every change was run on the examples, and only the marked one passes them all",
};

const VERIFIED_BY: Record<string, string> = {
	corrected: "verified after correction: the model's marked answer was wrong",
	not_runnable: "NOT verified: the code did not run",
	not_applicable: "not verified: a conceptual question",
};

function describe(result: GenerateResult, index: number): string {
	const { challenge, report, diagnosis } = result;
	const indent = (text: string) => text.replace(/^/gm, "    ");
	const options = challenge.options.map((option, i) => {
		const belief = diagnosis.misconceptions[i];
		return `  ${"ABCD"[i]}) ${option.replaceAll("\n", "\n     ")}${i === challenge.correct_answer_id ? "   ✓" : ""}${belief ? `   ← ${belief.id}` : ""}`;
	});
	return [
		`── ${index + 1}/${count} · ${challenge.difficulty} · ${challenge.kind} · ${challenge.runtime} · ${challenge.source}`,
		`   ${(challenge.verification === "executed" ? EXECUTED[challenge.kind] : VERIFIED_BY[challenge.verification]) ?? challenge.verification} · ${report.runs} sandbox runs, ${report.sandboxMs} ms · ${report.modelCalls} model calls${report.rejectedAnswer ? ` · model had marked ${JSON.stringify(report.rejectedAnswer)}` : ""}`,
		"",
		`${challenge.title}${diagnosis.idea ? `   [idea: ${diagnosis.idea}]` : ""}`,
		...(challenge.code ? ["", indent(challenge.code.trimEnd())] : []),
		"",
		...options,
		"",
		challenge.explanation,
		"",
	].join("\n");
}

const generator = createGenerator({
	kind: config.generator.kind,
	openai: config.generator.openai,
});
const { difficulty, topic } = request.data;
const idea = values.idea === undefined ? undefined : ideaById(values.idea);
const language = idea?.language ?? request.data.language ?? "python";
// one reader's batch: what it printed is excluded from what follows, as a learner's history is
const printed: string[] = [];
try {
	for (let i = 0; i < count; i++) {
		const seed =
			values.seed === undefined ? undefined : Number(values.seed) + i;
		const result = await generator.generate({
			difficulty,
			language,
			topic,
			seed,
			exclude: new Set(printed),
			recent: [...printed].reverse(),
			...(idea ? { idea: idea.id } : {}),
			...(kind.data ? { kind: kind.data } : {}),
		});
		if (result.variantKey) printed.push(result.variantKey);
		console.log(
			values.json
				? JSON.stringify({
						...result.challenge,
						diagnosis: result.diagnosis,
						report: result.report,
					})
				: describe(result, i),
		);
	}
} finally {
	await generator.close();
}
