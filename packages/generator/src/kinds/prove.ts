import type { Sandbox } from "../sandbox/sandbox.js";
import type { Drawn } from "../templates/family.js";
import { proveFillIn } from "./fill-in.js";
import { proveFix } from "./fix-the-bug.js";
import { proveOutcome } from "./outcome.js";
import type { Proof } from "./proof.js";

/** Runs an instance's programs as its kind requires and says what they proved. */
export function prove(sandbox: Sandbox, drawn: Drawn): Promise<Proof> {
	switch (drawn.kind) {
		case "fill-in":
			return proveFillIn(sandbox, drawn.family, drawn.instance);
		case "fix-the-bug":
			return proveFix(sandbox, drawn.family, drawn.instance);
		default:
			return proveOutcome(sandbox, drawn.family, drawn.instance, drawn.kind);
	}
}
