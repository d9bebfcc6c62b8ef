import { DIFFICULTIES, type Difficulty } from "@app/contract";
import { difficultiesOf } from "./templates/family.js";
import { FAMILIES } from "./templates/registry.js";

const LEVELS = new Map<string, Set<Difficulty>>();
for (const family of FAMILIES)
	for (const level of difficultiesOf(family))
		LEVELS.set(family.idea, (LEVELS.get(family.idea) ?? new Set()).add(level));

/**
 * The levels an idea's families build challenges at, easiest first: a review chosen for a
 * learner's request should be on an idea taught at the level they asked for.
 */
export const ideaLevels = (id: string): Difficulty[] =>
	DIFFICULTIES.filter((level) => LEVELS.get(id)?.has(level));
