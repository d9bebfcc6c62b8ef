import type { AnswerResponse, HistoryItem } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAccountData } from "@/lib/account-queries";
import { ApiError } from "@/lib/api-client";
import { useApi } from "@/lib/use-api";
import { challengePathOnApi } from "./get-challenge";

export interface RecordedAnswer extends AnswerResponse {
	/** the answer the server recorded: the first one given, which may be from another tab */
	answer_id: number;
}

/** Records an answer; when one was recorded before (409), that first answer is the one shown. */
export function useAnswerChallenge(challenge: {
	id: number;
	correct_answer_id: number;
	explanation: string;
}) {
	const api = useApi();
	const queryClient = useQueryClient();
	/** the first answer's belief is on the challenge as the server stored it; without it, none is shown */
	const recordedMisconception = async () => {
		try {
			const stored = await api.get<HistoryItem>(
				challengePathOnApi(challenge.id),
			);
			return stored.answer?.misconception ?? null;
		} catch {
			return null;
		}
	};
	return useMutation({
		mutationFn: async (answerId: number): Promise<RecordedAnswer> => {
			try {
				const result = await api.post<AnswerResponse>(
					`/api/challenges/${challenge.id}/answer`,
					{ answer_id: answerId },
				);
				return { ...result, answer_id: answerId };
			} catch (error) {
				if (!(error instanceof ApiError && error.code === "already_answered"))
					throw error;
				const first = Number(error.body.answer_id);
				const correct = first === challenge.correct_answer_id;
				return {
					answer_id: first,
					correct,
					correct_answer_id: challenge.correct_answer_id,
					explanation: challenge.explanation,
					misconception: correct ? null : await recordedMisconception(),
				};
			}
		},
		onSuccess: () =>
			invalidateAccountData(queryClient, [
				"history",
				"stats",
				"misconceptions",
				"challenge",
			]),
	});
}
