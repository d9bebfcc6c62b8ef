/** How many batches of one read run at once, and how many asks one batch carries at most. */
export interface BatchLimits {
	maxInFlight: number;
	maxBatch: number;
}

const DEFAULT_LIMITS: BatchLimits = { maxInFlight: 2, maxBatch: 64 };

interface Waiting<Ask, Answer> {
	ask: Ask;
	resolve(answer: Answer): void;
	reject(error: unknown): void;
}

/**
 * One read for many callers: asks that arrive while `maxInFlight` reads are running wait, and go
 * together in the next read, one statement and one round trip for all of them. Under load a
 * read's cost was mostly the round trip itself (waking the database and the wait for a pooled
 * connection), not the rows; with no read running, an ask starts its own at once.
 *
 * An ask only ever goes into a read that starts after it was made, never into one already
 * running, so it sees every write committed before it was asked: what a caller wrote, then read,
 * it reads back.
 *
 * `read` answers the asks it is given in their order; when it fails, every ask of that batch fails
 * with its error, and the next batch runs as usual.
 */
export function batchedReads<Ask, Answer>(
	read: (asks: readonly Ask[]) => Promise<readonly Answer[]>,
	limits: BatchLimits = DEFAULT_LIMITS,
): (ask: Ask) => Promise<Answer> {
	const waiting: Waiting<Ask, Answer>[] = [];
	let inFlight = 0;

	async function run(batch: Waiting<Ask, Answer>[]): Promise<void> {
		try {
			const answers = await read(batch.map((entry) => entry.ask));
			if (answers.length !== batch.length)
				throw new Error(
					`a batched read answered ${answers.length} of ${batch.length} asks`,
				);
			for (const [index, entry] of batch.entries())
				entry.resolve(answers[index] as Answer);
		} catch (error) {
			for (const entry of batch) entry.reject(error);
		} finally {
			inFlight--;
			startWaiting();
		}
	}

	function startWaiting(): void {
		while (inFlight < limits.maxInFlight && waiting.length > 0) {
			inFlight++;
			void run(waiting.splice(0, limits.maxBatch));
		}
	}

	return (ask) =>
		new Promise<Answer>((resolve, reject) => {
			waiting.push({ ask, resolve, reject });
			startWaiting();
		});
}
