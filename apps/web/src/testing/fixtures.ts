import type {
	AnswerRecord,
	Challenge,
	HistoryItem,
	LearnerMisconception,
	Misconception,
	Quota,
} from "@app/contract";

/** A challenge as the API returns it (contract types), with overridable fields. */
export function challengeFixture(
	overrides: Partial<Challenge> = {},
): Challenge {
	return {
		id: 41,
		difficulty: "medium",
		language: "python",
		kind: "output",
		runtime: "Python 3",
		title: "List aliasing: what does this code print?",
		code: "a = [1, 2]\nb = a\nb.append(3)\nprint(a)\n",
		options: ["[1, 2]", "[1, 2, 3]", "[3, 1, 2]", "[1, 2, [3]]"],
		correct_answer_id: 1,
		explanation:
			"b = a makes b another name for the same list, so appending through b changes a.",
		timestamp: "2026-11-25T10:00:00.000Z",
		verified: true,
		verification: "executed",
		source: "offline:python/nested-list-aliasing",
		idea: { id: "py.aliasing", name: "Aliasing and copying" },
		review_of: null,
		...overrides,
	};
}

export function quotaFixture(overrides: Partial<Quota> = {}): Quota {
	return {
		user_id: "user_1",
		quota_remaining: 7,
		last_reset_date: "2026-11-25T08:00:00.000Z",
		next_reset_at: "2026-11-26T08:00:00.000Z",
		...overrides,
	};
}

export function misconceptionFixture(
	overrides: Partial<Misconception> = {},
): Misconception {
	return {
		id: "py.aliasing.assignment-copies",
		idea: "py.aliasing",
		statement: "You may think that assigning a list copies it.",
		...overrides,
	};
}

/** A challenge as GET /api/challenges/{id} and the history return it, answered or not. */
export function historyItemFixture(
	overrides: Partial<HistoryItem> = {},
	answer: AnswerRecord | null = null,
): HistoryItem {
	const challenge = challengeFixture(overrides);
	return {
		...challenge,
		date_created: challenge.timestamp,
		answer,
		...overrides,
	};
}

export function learnerMisconceptionFixture(
	overrides: Partial<LearnerMisconception> = {},
): LearnerMisconception {
	return {
		...misconceptionFixture(),
		idea_name: "Aliasing and copying",
		times: 2,
		last_at: "2026-11-25T10:05:00.000Z",
		status: "open",
		...overrides,
	};
}
