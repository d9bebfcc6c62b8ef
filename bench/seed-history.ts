import { DIFFICULTIES, LANGUAGES } from "@app/contract";

/** Runs SQL on the server's database: a pg client, or PGlite opened on the server's data folder. */
export type Sql = (
	text: string,
	params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

/** Challenges generated and answered through HTTP, the real rows the copies are made of. */
const REAL_PER_CELL = 6;

/**
 * Step 1, through the server: `userId` generates real challenges in every (difficulty, language)
 * cell and answers half of them, right or wrong, as a learner does.
 */
export async function generateRealHistory(
	url: string,
	authorization: string,
): Promise<void> {
	const headers = { authorization, "content-type": "application/json" };
	let n = 0;
	for (const difficulty of DIFFICULTIES)
		for (const language of LANGUAGES)
			for (let i = 0; i < REAL_PER_CELL; i++) {
				const response = await fetch(`${url}/api/generate-challenge`, {
					method: "POST",
					headers,
					body: JSON.stringify({ difficulty, language }),
				});
				if (!response.ok)
					throw new Error(
						`generation failed: ${response.status} ${await response.text()}`,
					);
				const { id } = (await response.json()) as { id: number };
				if (n++ % 2) continue;
				const answer = await fetch(`${url}/api/challenges/${id}/answer`, {
					method: "POST",
					headers,
					body: JSON.stringify({ answer_id: n % 4 }),
				});
				if (!answer.ok)
					throw new Error(
						`answer failed: ${answer.status} ${await answer.text()}`,
					);
			}
}

/** Other learners, so that the database's statistics are those of many users, as in production. */
const OTHER_LEARNERS = 200;
const CHALLENGES_PER_OTHER_LEARNER = 50;

/**
 * Step 2, in SQL: copies the user's real challenges until they have `total`, spread over the past
 * days (later ids newer), and answers four in five of the copies (a third of those wrongly, with
 * the belief behind the chosen option). Then gives OTHER_LEARNERS other learners challenges of
 * their own, all newer than the user's (the case where a history read that strays from the
 * (user_id, id) index reads the most), and runs ANALYZE as autovacuum would after a bulk load.
 */
export async function multiplyHistory(
	sql: Sql,
	userId: string,
	total: number,
): Promise<number> {
	// every column but the identity and the time, so the copy follows the schema as it changes
	const { rows: columnRows } = await sql(
		`SELECT column_name FROM information_schema.columns
		 WHERE table_schema = current_schema() AND table_name = 'challenges'
		   AND column_name NOT IN ('id', 'created_at')
		 ORDER BY ordinal_position`,
	);
	const columns = columnRows.map((row) => `"${String(row.column_name)}"`);
	const { rows: countRows } = await sql(
		"SELECT count(*)::int AS n FROM challenges WHERE user_id = $1",
		[userId],
	);
	const copies = total - Number(countRows[0]?.n ?? 0);
	await sql(
		`WITH source AS (
		   SELECT *, row_number() OVER (ORDER BY id) - 1 AS n FROM challenges WHERE user_id = $1
		 )
		 INSERT INTO challenges (${columns.join(", ")}, created_at)
		 SELECT ${columns.map((c) => `s.${c}`).join(", ")},
		        now() - make_interval(mins => $2::int - g + 60)
		 FROM generate_series(1, $2::int) AS g
		 JOIN source s ON s.n = g % (SELECT count(*) FROM source)
		 ORDER BY g`,
		[userId, copies],
	);
	await sql(
		`INSERT INTO answers (challenge_id, user_id, answer_id, correct, misconception_id, answered_at)
		 SELECT c.id, c.user_id, x.answer_id, x.answer_id = c.correct_answer_id,
		        CASE WHEN x.answer_id = c.correct_answer_id THEN NULL
		             ELSE c.misconceptions -> x.answer_id ->> 'id' END,
		        c.created_at + interval '40 seconds'
		 FROM challenges c
		 CROSS JOIN LATERAL (
		   SELECT CASE WHEN c.id % 3 = 0
		               THEN (c.correct_answer_id + 1) % jsonb_array_length(c.options)
		               ELSE c.correct_answer_id END AS answer_id
		 ) x
		 WHERE c.user_id = $1 AND c.id % 5 <> 0
		   AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.challenge_id = c.id)`,
		[userId],
	);
	await sql(
		`INSERT INTO challenges (${columns.join(", ")}, created_at)
		 SELECT ${columns.map((c) => (c === '"user_id"' ? `$1 || '_other_' || learner` : `s.${c}`)).join(", ")}, now()
		 FROM generate_series(1, $2::int) AS learner
		 CROSS JOIN LATERAL (
		   SELECT * FROM challenges WHERE user_id = $1 ORDER BY id LIMIT $3::int
		 ) s
		 ORDER BY learner, s.id`,
		[userId, OTHER_LEARNERS, CHALLENGES_PER_OTHER_LEARNER],
	);
	await sql("ANALYZE challenges");
	await sql("ANALYZE answers");
	const { rows } = await sql(
		"SELECT count(*)::int AS n FROM challenges WHERE user_id = $1",
		[userId],
	);
	return Number(rows[0]?.n ?? 0);
}
