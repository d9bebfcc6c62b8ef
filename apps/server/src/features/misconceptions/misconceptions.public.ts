// What other features use of misconceptions: the review due for a user, and the belief a model should probe.
export { dueReview, latestStatement } from "./misconceptions.repo.js";
