/**
 * Prints challenges from the configured generator, with how each answer was verified: a tool for
 * people who write templates or tune the model prompt.
 *
 *   npm run generate -- --difficulty hard --language python --count 5 [--kind fill-in] [--topic closures] [--seed 42] [--json]
 */
import { parseArgs } from "node:util";
import {
	ChallengeKindSchema,
	GenerateChallengeRequestSchema,
} from "@app/contract";
import { createGenerator, type GenerateResult } from "@app/generator";
import { configOrExit, loadDotEnv } from "../src/environment.js";

loadDotEnv();

const { values } = parseArgs({
	options: {
		difficulty: { type: "string", default: "medium" },
		language: { type: "string", default: "python" },
		topic: { type: "string" },
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
	count > 100
) {
	console.error(
		"Usage: npm run generate -- --difficulty easy|medium|hard --language python|javascript [--kind output|error|fill-in|fix-the-bug] [--count 1-100] [--topic text] [--seed n] [--json]",
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
	const { challenge, report } = result;
	const indent = (text: string) => text.replace(/^/gm, "    ");
	const options = challenge.options.map(
		(option, i) =>
			`  ${"ABCD"[i]}) ${option.replaceAll("\n", "\n     ")}${i === challenge.correct_answer_id ? "   ✓" : ""}`,
	);
	return [
		`── ${index + 1}/${count} · ${challenge.difficulty} · ${challenge.kind} · ${challenge.runtime} · ${challenge.source}`,
		`   ${(challenge.verification === "executed" ? EXECUTED[challenge.kind] : VERIFIED_BY[challenge.verification]) ?? challenge.verification} · ${report.runs} sandbox runs, ${report.sandboxMs} ms · ${report.modelCalls} model calls${report.rejectedAnswer ? ` · model had marked ${JSON.stringify(report.rejectedAnswer)}` : ""}`,
		"",
		challenge.title,
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
const { difficulty, language, topic } = request.data;
try {
	for (let i = 0; i < count; i++) {
		const seed =
			values.seed === undefined ? undefined : Number(values.seed) + i;
		const result = await generator.generate({
			difficulty,
			language: language ?? "python",
			topic,
			seed,
			...(kind.data ? { kind: kind.data } : {}),
		});
		console.log(
			values.json
				? JSON.stringify({ ...result.challenge, report: result.report })
				: describe(result, i),
		);
	}
} finally {
	await generator.close();
}
