import { createRng } from "../src/rng.js";
import {
	type Drawn,
	difficultiesOf,
	draw,
	type Family,
	type Instance,
	isOutcomeFamily,
	type OutcomeFamily,
} from "../src/templates/family.js";
import { FAMILIES } from "../src/templates/registry.js";

/** The families whose options are what a run prints or does (`output` and `error`). */
export const OUTCOME_FAMILIES: readonly OutcomeFamily[] =
	FAMILIES.filter(isOutcomeFamily);

/** The seed's instance of a family, at one of the difficulties it spans, which the seed picks too. */
export function drawnOf(family: Family, seed: number): Drawn {
	const rng = createRng(seed);
	const [first = "easy", ...more] = difficultiesOf(family);
	// a family of one difficulty draws nothing for it, so its seeds give what they always gave
	const difficulty = more.length ? rng.pick([first, ...more]) : first;
	return draw(family, rng, difficulty);
}

/** drawnOf for a family known to ask about a run's output or outcome. */
export function instanceOf(family: OutcomeFamily, seed: number): Instance {
	const drawn = drawnOf(family, seed);
	if (drawn.kind !== "output" && drawn.kind !== "error")
		throw new Error(`${family.id} is not an output or error family`);
	return drawn.instance;
}
