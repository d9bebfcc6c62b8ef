import type { Db } from "../db/open-db.js";
import type { CleanupJob } from "../plugins/sweeper.js";
import { pruneRateLimitCounters } from "./counters.repo.js";

export const rateLimitJobs = (db: Db): CleanupJob[] => [
	{
		name: "forget ended rate-limit windows",
		run: (now) => pruneRateLimitCounters(db, now),
	},
];
