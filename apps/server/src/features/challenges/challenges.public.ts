// What other features use of challenges: removing a user's (Clerk's user.deleted, local account
// deletion), and an idea as a learner reads it.
export { deleteChallenges } from "./challenges.repo.js";
export { ideaRef } from "./to-response.js";
