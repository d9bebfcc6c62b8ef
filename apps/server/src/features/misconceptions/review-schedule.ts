/**
 * When practice comes back to an idea the learner got wrong: a review is due 1 day after the
 * wrong answer, then 3 days after the first review and 7 after the second (and every 7 days
 * after that) while the misconception is still open; and at most one challenge in
 * REVIEW_EVERY is a review, so reviews never crowd out what the learner asked for.
 */
export const REVIEW_INTERVALS_DAYS = [1, 3, 7] as const;
export const REVIEW_EVERY = 3;

const DAY_MS = 86_400_000;

/** An idea with an open misconception: when it was last chosen, and the reviews served since. */
export interface OpenIdea {
	idea: string;
	lastWrongAt: Date;
	/** when each review of the idea served after lastWrongAt was created, oldest first */
	reviewsSince: readonly Date[];
}

/** When the next review of an open idea is due. */
export function dueAt(open: OpenIdea): Date {
	const reviews = open.reviewsSince.length;
	const from = open.reviewsSince.at(-1) ?? open.lastWrongAt;
	const days =
		REVIEW_INTERVALS_DAYS[Math.min(reviews, REVIEW_INTERVALS_DAYS.length - 1)];
	return new Date(from.getTime() + (days ?? 1) * DAY_MS);
}

/**
 * The idea to review now, or null: the one due longest ago, unless one of the learner's last
 * REVIEW_EVERY - 1 challenges was already a review.
 */
export function ideaToReview(
	open: readonly OpenIdea[],
	latestReviewOf: readonly (string | null)[],
	now: Date,
): string | null {
	if (latestReviewOf.slice(0, REVIEW_EVERY - 1).some((idea) => idea !== null))
		return null;
	const due = open
		.map((idea) => ({ idea: idea.idea, at: dueAt(idea) }))
		.filter(({ at }) => at.getTime() <= now.getTime())
		.sort(
			(a, b) => a.at.getTime() - b.at.getTime() || (a.idea < b.idea ? -1 : 1),
		);
	return due[0]?.idea ?? null;
}
