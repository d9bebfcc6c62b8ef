import {
	type ChallengeContent,
	DIFFICULTIES,
	LANGUAGES,
	type Language,
} from "@app/contract";
import { createGenerator } from "@app/generator";
import {
	type ChatRequest,
	completion,
	startFakeOpenAi,
} from "@app/generator/testing";

/** The simulated model marks a wrong option on one draft in this many. */
export const WRONG_EVERY = 4;

interface Known {
	draft: object;
	answer: string;
}

/**
 * A simulated model: it answers after `latencyMs` with a draft built from an offline
 * template instance, and marks a wrong option on every WRONG_EVERY-th draft, as a model that
 * misreads code would. The true answer is known, so what verification did can be checked.
 */
export async function simulatedModel(latencyMs: number) {
	const offline = createGenerator({ kind: "offline" });
	const known: Record<Language, Known[]> = { python: [], javascript: [] };
	for (const language of LANGUAGES) {
		for (let i = 0; i < 40; i++) {
			const { challenge } = await offline.generate({
				difficulty: DIFFICULTIES[i % 3] ?? "easy",
				language,
			});
			const wrong = i % WRONG_EVERY === 0;
			const marked = wrong
				? (challenge.correct_answer_id + 1) % 4
				: challenge.correct_answer_id;
			known[language].push({
				answer: challenge.options[challenge.correct_answer_id] ?? "",
				draft: { ...draftOf(challenge), correct_answer_id: marked },
			});
		}
	}
	await offline.close();
	const served: Record<Language, number> = { python: 0, javascript: 0 };
	let wrongServed = 0;
	const respond = (request: ChatRequest) => {
		if (request.response_format?.json_schema?.name === "explanation") {
			return {
				...completion({ explanation: "Re-explained from the real output." }),
				delayMs: latencyMs,
			};
		}
		const language: Language = request.messages[0]?.content.includes("Python")
			? "python"
			: "javascript";
		const index = served[language]++ % known[language].length;
		if (index % WRONG_EVERY === 0) wrongServed += 1;
		const next = known[language][index];
		return { ...completion(next?.draft), delayMs: latencyMs };
	};
	const fake = await startFakeOpenAi(respond);
	const answers = new Map(
		Object.values(known).flatMap((list) =>
			list.map((k) => [JSON.stringify(k.draft), k.answer]),
		),
	);
	return {
		fake,
		wrongServed: () => wrongServed,
		truth: (code: string | null) =>
			[...answers].find(
				([draft]) => code && draft.includes(JSON.stringify(code)),
			)?.[1],
	};
}

const draftOf = (challenge: ChallengeContent) => ({
	title: challenge.title,
	code: challenge.code,
	options: challenge.options,
	correct_answer_id: challenge.correct_answer_id,
	explanation: challenge.explanation,
	asks_for_output: true,
});
