import type { Rng } from "../rng.js";
import type { Belief } from "./belief.js";
import type {
	FailingExample,
	FixTheBug,
	LineChange,
	WrongChoice,
} from "./family.js";
import { itemAt } from "./item-at.js";

/**
 * What fix-the-bug families share: two ways of writing an instance before it becomes a FixTheBug
 * (a Draft, the correct lines plus the line made wrong, for finishFix; or a LinesFix, the lines
 * with the bug in place plus the fix, for fixFromLines), and how to write values as source.
 */

/** A one-line change a learner might try, and the belief behind it. */
export type Edit = WrongChoice & LineChange;

/** One instance before it is shown: the correct lines, the line made wrong, and the changes a learner might try instead. */
export interface Draft {
	lines: readonly string[];
	bug: LineChange;
	wrong: readonly Edit[];
	reference: string;
	examples: readonly string[];
	/** why the correct line does what the docstring says, and what the shown line does instead */
	why: string;
}

/** "returns 3" or "raises IndexError", as the harness prints a run. */
const outcome = (actual: string) =>
	actual.startsWith("raises ") ? actual : `returns ${actual}`;

/** The question a draft makes: the bug in place, the fix, and the wrong changes that change something. */
export function finishFix(draft: Draft): FixTheBug {
	const shown = draft.lines.map((line, i) =>
		i + 1 === draft.bug.line ? draft.bug.text : line,
	);
	const fix = {
		line: draft.bug.line,
		text: itemAt(draft.lines, draft.bug.line - 1),
	};
	const wrong = draft.wrong.filter(
		(edit) =>
			edit.text !== itemAt(shown, edit.line - 1) &&
			!(edit.line === fix.line && edit.text === fix.text),
	);
	return {
		code: `${shown.join("\n")}\n`,
		fix,
		wrong,
		reference: draft.reference,
		examples: draft.examples,
		explain: (failing: FailingExample) =>
			`${failing.call} should return ${failing.expected}, but ${outcome(failing.actual)}. ${draft.why}`,
	};
}

/** A Python list literal of the values. */
export const list = (values: readonly (number | string)[]) =>
	`[${values.join(", ")}]`;

/** k distinct whole numbers from min to max, in random order. */
export const distinct = (rng: Rng, k: number, min: number, max: number) =>
	rng.sample(
		Array.from({ length: max - min + 1 }, (_, i) => min + i),
		k,
	);

/**
 * A fix-the-bug instance written as its lines with the bug in place, the fix and the wrong
 * changes as `[line, text]` and `[line, text, misconception]`, and a reference implementation.
 */
export interface LinesFix {
	lines: string[];
	fix: [number, string];
	wrong: [number, string, Belief][];
	reference: string;
	explain(failing: FailingExample): string;
}

/** The question a LinesFix makes, checked on the given calls. */
export function fixFromLines(
	built: LinesFix,
	examples: readonly string[],
): FixTheBug {
	return {
		code: `${built.lines.join("\n")}\n`,
		fix: { line: built.fix[0], text: built.fix[1] },
		wrong: built.wrong.map(([line, text, misconception]) => ({
			line,
			text,
			misconception,
		})),
		reference: `${built.reference}\n`,
		examples,
		explain: built.explain,
	};
}

/** A value as JavaScript source: strings quoted, arrays and plain objects spelled out. */
export const jsLiteral = (value: unknown): string =>
	typeof value === "string"
		? JSON.stringify(value)
		: Array.isArray(value)
			? `[${value.map(jsLiteral).join(", ")}]`
			: typeof value === "object" && value !== null
				? `{ ${Object.entries(value)
						.map(([k, v]) => `${k}: ${jsLiteral(v)}`)
						.join(", ")} }`
				: String(value);
