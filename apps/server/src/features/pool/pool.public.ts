// What other features use of the pool: claiming a ready challenge, and asking for a refill;
// and how deep it is, for the metrics.
export { type ChallengePool, createChallengePool } from "./challenge-pool.js";
export { claimPooled, poolDepths } from "./pool.repo.js";
