import type { AnswerResponse } from "@app/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAccountData } from "@/lib/account-queries";
import { ApiError } from "@/lib/api-client";
import { useApi } from "@/lib/use-api";

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
				return {
					answer_id: first,
					correct: first === challenge.correct_answer_id,
					correct_answer_id: challenge.correct_answer_id,
					explanation: challenge.explanation,
				};
			}
		},
		onSuccess: () => invalidateAccountData(queryClient, ["history", "stats"]),
	});
}
