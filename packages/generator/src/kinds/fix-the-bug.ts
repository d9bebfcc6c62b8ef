import type { Language } from "@app/contract";
import type { RunResult, Sandbox } from "../sandbox/sandbox.js";
import type {
	FailingExample,
	FixTheBug,
	FixTheBugFamily,
	LineChange,
} from "../templates/family.js";
import { type Proof, runAll, withNote } from "./proof.js";

/**
 * The checks appended to every program: each example's result on a line of its own (repr in
 * Python, JSON in JavaScript), or "raises <type>" when it throws, so one failing example does
 * not hide the others.
 */
export function harness(language: Language, examples: readonly string[]) {
	const checks = examples.map((call) =>
		language === "python"
			? `try:\n    print(repr(${call}))\nexcept Exception as error:\n    print("raises " + type(error).__name__)\n`
			: `try { console.log(JSON.stringify(${call})); } catch (error) { console.log("raises " + error.name); }\n`,
	);
	return `\n\n${checks.join("")}`;
}

/** The code with one line replaced; null when the line does not exist. */
export function withChange(code: string, change: LineChange): string | null {
	const lines = code.split("\n");
	// the empty piece after the final newline is no line of the code
	const count = lines.at(-1) === "" ? lines.length - 1 : lines.length;
	if (change.line < 1 || change.line > count) return null;
	lines[change.line - 1] = change.text;
	return lines.join("\n");
}

/** An option as the learner reads it: `line 4: return total`. */
export const changeOption = (change: LineChange) =>
	`line ${change.line}: ${change.text.trim()}`;

/** A run of the harness whose printed results can be compared: it finished, exactly reproduced. */
const results = (run: RunResult | undefined) =>
	run?.status === "ok" && run.exact ? run.stdout : null;

/** What the learner reads under the function: the first example it fails, as the runs showed. */
function failingNote({ call, expected, actual }: FailingExample) {
	const got = actual.startsWith("raises ") ? actual : `returns ${actual}`;
	return `${call} should return ${expected}, but ${got}`;
}

/**
 * `fix-the-bug` questions: the shown function, the reference, the fixed function and each wrong
 * change all run the examples. The fix must return what the reference returns on every one, the
 * shown function must not, and a wrong change is offered only if it does not either.
 */
export async function proveFix(
	sandbox: Sandbox,
	family: FixTheBugFamily,
	instance: FixTheBug,
): Promise<Proof> {
	const checks = harness(family.language, instance.examples);
	const fixed = withChange(instance.code, instance.fix);
	const changed = instance.wrong.map((w) => withChange(instance.code, w));
	if (fixed === null || changed.includes(null))
		return "a change names a line the code does not have";
	const { results: runs, sandboxMs } = await runAll(
		sandbox,
		family.language,
		[instance.reference, instance.code, fixed, ...(changed as string[])].map(
			(program) => program + checks,
		),
	);
	const [reference, shown, afterFix, ...afterWrong] = runs.map(results);
	const lines = reference?.split("\n").slice(0, -1) ?? [];
	if (!reference || lines.length !== instance.examples.length)
		return "the reference does not give one result per example";
	if (shown === null || shown === undefined)
		return "the shown code does not run";
	if (shown === reference) return "the shown code passes every example";
	if (afterFix !== reference) return "the fix does not pass every example";
	const shownLines = shown.split("\n");
	const at = lines.findIndex((line, i) => shownLines[i] !== line);
	const failing: FailingExample = {
		call: instance.examples[at] ?? "",
		expected: lines[at] ?? "",
		actual: shownLines[at] ?? "",
	};
	return {
		code: withNote(family.language, instance.code, [failingNote(failing)]),
		answer: changeOption(instance.fix),
		candidates: instance.wrong.flatMap((wrong, index) => {
			const printed = afterWrong[index];
			// a "change" that leaves the line as it is fixes nothing, but is no belief either
			const unchanged = changed[index] === instance.code;
			return !unchanged &&
				printed !== null &&
				printed !== undefined &&
				printed !== reference
				? [
						{
							text: changeOption(wrong),
							origin: "mistake" as const,
							misconception: wrong.misconception,
						},
					]
				: [];
		}),
		why: instance.explain(failing),
		runs: runs.length,
		sandboxMs,
	};
}
