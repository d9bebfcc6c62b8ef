import type { Rng } from "../rng.js";
import type {
	FailingExample,
	FixTheBug,
	LineChange,
	WrongChoice,
} from "./family.js";
import { itemAt } from "./item-at.js";

/**
 * Shared by the fix-the-bug families that write each instance as its correct lines plus the one
 * line made wrong (a Draft), and turn it into what the learner is shown with finishFix.
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
