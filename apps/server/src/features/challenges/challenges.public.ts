// What other features use of challenges: removing a user's (Clerk's user.deleted).
export { deleteChallenges } from "./challenges.repo.js";
