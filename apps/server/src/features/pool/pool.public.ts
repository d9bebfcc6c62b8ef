// What other features use of the pool: claiming a ready challenge, and asking for a refill.
export { type ChallengePool, createChallengePool } from "./challenge-pool.js";
export { claimPooled } from "./pool.repo.js";
