import type { TestApp } from "./build-test-app.js";

type Headers = Record<string, string>;

/** POST /api/generate-challenge; the payload is sent as given, so tests can send bad input too. */
export const generate = (t: TestApp, headers: Headers, payload: unknown) =>
	t.app.inject({
		method: "POST",
		url: "/api/generate-challenge",
		headers,
		payload: payload as object,
	});

/**
 * POST /api/generate-challenge as a patient client would: while the user already has the most
 * generations in flight (429 too_many_in_flight) it tries again, until it gets another answer.
 */
export async function generateWhenFree(
	t: TestApp,
	headers: Headers,
	payload: unknown,
) {
	for (;;) {
		const response = await generate(t, headers, payload);
		if (response.json().code !== "too_many_in_flight") return response;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** POST /api/challenges/{id}/answer, with any payload. */
export const answer = (
	t: TestApp,
	headers: Headers,
	id: number | string,
	payload: unknown,
) =>
	t.app.inject({
		method: "POST",
		url: `/api/challenges/${id}/answer`,
		headers,
		payload: payload as object,
	});

/** A fresh challenge for the user (easy JavaScript unless told otherwise). */
export const newChallenge = async (
	t: TestApp,
	headers: Headers,
	cell: { difficulty: string; language: string } = {
		difficulty: "easy",
		language: "javascript",
	},
) => (await generate(t, headers, cell)).json();

/** Generates a challenge and, unless `rightAnswer` is null, answers it right or wrong. */
export async function practise(
	t: TestApp,
	headers: Headers,
	difficulty: string,
	rightAnswer: boolean | null,
	language = "python",
) {
	const challenge = await newChallenge(t, headers, { difficulty, language });
	if (rightAnswer === null) return challenge;
	const answerId = rightAnswer
		? challenge.correct_answer_id
		: (challenge.correct_answer_id + 1) % 4;
	await answer(t, headers, challenge.id, { answer_id: answerId });
	return challenge;
}

/** GET /api/quota. */
export const quota = (t: TestApp, headers: Headers) =>
	t.app.inject({ method: "GET", url: "/api/quota", headers });

/** GET /api/my-history, with the query string (without its "?") as given. */
export const myHistory = (t: TestApp, headers: Headers, query?: string) =>
	t.app.inject({
		method: "GET",
		url: query === undefined ? "/api/my-history" : `/api/my-history?${query}`,
		headers,
	});

/** GET /api/stats. */
export const stats = (t: TestApp, headers: Headers) =>
	t.app.inject({ method: "GET", url: "/api/stats", headers });

/** The user's remaining quota, as GET /api/quota reports it. */
export const quotaOf = async (t: TestApp, headers: Headers): Promise<number> =>
	(await quota(t, headers)).json().quota_remaining;
