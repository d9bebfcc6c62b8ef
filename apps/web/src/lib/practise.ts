import type { Difficulty } from "@app/contract";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";

/** What "Practise this idea" asks for; without a difficulty, the practice page uses the learner's own setting. */
export interface PractiseRequest {
	idea: string;
	difficulty?: Difficulty;
}

/**
 * Takes the learner to the practice page, which generates a challenge on the idea. The request
 * travels in the history entry's state, not the URL, so a reload does not spend another unit.
 */
export function usePractise() {
	const navigate = useNavigate();
	return useCallback(
		(request: PractiseRequest) =>
			navigate(paths.generate, { state: { practise: request } }),
		[navigate],
	);
}

/** The practise request a location's state carries, if any. */
export function practiseRequestOf(state: unknown): PractiseRequest | null {
	const practise = (state as { practise?: Partial<PractiseRequest> } | null)
		?.practise;
	if (!practise || typeof practise.idea !== "string") return null;
	return { idea: practise.idea, difficulty: practise.difficulty };
}
