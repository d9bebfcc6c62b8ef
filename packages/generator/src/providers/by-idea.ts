import { DIFFICULTIES, type Difficulty } from "@app/contract";
import { ideaById } from "../ideas.js";
import { difficultiesOf, type Family, kindOf } from "../templates/family.js";
import { type GenerateRequest, GeneratorError } from "../types.js";

/**
 * The level to build for an idea: the one asked for when one of its families spans it, else the
 * nearest one they span (the lower on a tie).
 */
export function nearestDifficulty(
	families: readonly Family[],
	asked: Difficulty,
): Difficulty {
	const spanned = new Set(families.flatMap((f) => difficultiesOf(f)));
	const rank = (d: Difficulty) => DIFFICULTIES.indexOf(d);
	const [nearest = asked] = DIFFICULTIES.filter((d) => spanned.has(d)).sort(
		(a, b) =>
			Math.abs(rank(a) - rank(asked)) - Math.abs(rank(b) - rank(asked)) ||
			rank(a) - rank(b),
	);
	return nearest;
}

/**
 * For a request on an idea: the idea's families and the request they are drawn for, in the idea's
 * language, at the nearest level they span, and with no topic. Other requests pass as they are.
 */
export function narrowToIdea(
	families: readonly Family[],
	request: GenerateRequest,
): { families: readonly Family[]; request: GenerateRequest } {
	if (request.idea === undefined) return { families, request };
	const idea = ideaById(request.idea);
	const ofIdea = families.filter((f) => f.idea === request.idea);
	if (!idea || ofIdea.length === 0)
		throw new GeneratorError(
			"unavailable",
			`No templates teach the idea "${request.idea}".`,
		);
	const { topic: _topic, ...rest } = request;
	const open = request.kind
		? ofIdea.filter((f) => kindOf(f) === request.kind)
		: ofIdea;
	return {
		families: ofIdea,
		request: {
			...rest,
			language: idea.language,
			difficulty: nearestDifficulty(open, request.difficulty),
		},
	};
}
