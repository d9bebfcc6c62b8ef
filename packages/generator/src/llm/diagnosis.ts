import { createHash } from "node:crypto";
import type { Language, Misconception } from "@app/contract";
import { IDEAS, type Idea } from "../ideas.js";
import type { Diagnosis, GenerateRequest } from "../types.js";
import type { Draft } from "./draft.js";

/** A statement is shown to learners and counted across answers: one sentence, this long at most. */
export const MAX_STATEMENT_CHARS = 200;
const LEAD = "You may think that";
const MODEL_LEAD = /^you (?:may|might) think(?: that)?\b[\s,:]*/i;
const TRAILING_STOPS = /[\s.!?;:,…]+$/u;
/** Only a sentence's first words can be kept, so no more than this of it is worked on. */
const MAX_READ_CHARS = 2000;

/** The ideas a challenge in this language may be on (read at each call: the list grows with the families). */
export const ideasFor = (language: Language): Idea[] =>
	IDEAS.filter((idea) => idea.language === language);

/**
 * A model's belief as a statement learners read: plain text (never HTML), on one line, starting
 * "You may think that", ending with one full stop, cut at a word boundary to fit
 * MAX_STATEMENT_CHARS; null when nothing is left of it.
 */
export function beliefStatement(sentence: string | null | undefined) {
	const text = (sentence ?? "")
		.slice(0, MAX_READ_CHARS)
		.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
		// invisible and direction-changing characters, and halves of characters the slice split
		.replace(/[\p{Cf}\p{Cs}]/gu, "")
		.replace(/\s+/g, " ")
		.trim();
	const body = text.replace(MODEL_LEAD, "").replace(TRAILING_STOPS, "");
	if (body === "") return null;
	const whole = `${LEAD} ${body}`;
	if (whole.length < MAX_STATEMENT_CHARS) return `${whole}.`;
	// room for "…" and the full stop
	const room = MAX_STATEMENT_CHARS - 2;
	const space = whole.lastIndexOf(" ", room);
	const head = whole
		.slice(0, space > LEAD.length ? space : room)
		.replace(TRAILING_STOPS, "")
		.replace(/[\uD800-\uDBFF]$/, "");
	return `${head}….`;
}

/** A model's statement gets an id of its own: the same sentence from the same model is the same misconception. */
const modelMisconceptionId = (model: string, idea: string, statement: string) =>
	`${idea}.model-${createHash("sha256").update(`${model}\n${statement}`).digest("hex").slice(0, 10)}`;

/** How the served options relate to the model's: the answer, and for each option the model's index it shows (null when written in). */
export interface Served {
	correct: number;
	origins: readonly (number | null)[];
}

/**
 * The diagnosis of a model's challenge: the idea asked for, else the model's when it is one of the
 * language's; and for each served option, the model's belief for it when it was one of the model's
 * wrong options and is still wrong. The model gave no belief for its own answer, so when running
 * the code showed that answer wrong, it gets none.
 */
export function diagnose(
	model: string,
	request: Pick<GenerateRequest, "language" | "idea">,
	draft: Draft,
	served: Served,
): Diagnosis {
	const idea =
		request.idea ||
		ideasFor(request.language).find((known) => known.id === draft.idea)?.id ||
		null;
	// a list of another length cannot be matched with the options
	const beliefs =
		draft.misconceptions?.length === draft.options.length
			? draft.misconceptions
			: null;
	const misconceptions = served.origins.map(
		(origin, index): Misconception | null => {
			if (idea === null || beliefs === null || origin === null) return null;
			if (index === served.correct || origin === draft.correct_answer_id)
				return null;
			const statement = beliefStatement(beliefs[origin]);
			if (statement === null) return null;
			return {
				id: modelMisconceptionId(model, idea, statement),
				idea,
				statement,
			};
		},
	);
	return { idea, misconceptions };
}
