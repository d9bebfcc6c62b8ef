import type { Db } from "../../db/open-db.js";
import type { CleanupJob } from "../../plugins/sweeper.js";
import { pruneSignInAttempts } from "./sign-in-attempts.repo.js";

export const accountJobs = (db: Db): CleanupJob[] => [
	{
		name: "forget ended sign-in attempt windows",
		run: (now) => pruneSignInAttempts(db, now),
	},
];
