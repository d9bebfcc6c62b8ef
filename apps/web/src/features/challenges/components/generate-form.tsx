import type {
	Difficulty,
	GenerateChallengeRequest,
	Language,
} from "@app/contract";
import {
	DIFFICULTIES,
	LANGUAGES,
	TOPIC_MAX_LENGTH,
} from "@app/contract/constants";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import {
	DIFFICULTY_LABELS,
	LANGUAGE_LABELS,
	labelledOptions,
} from "@/config/labels";
import "@/components/ui/field.css";
import "./generate-form.css";

const DIFFICULTY_OPTIONS = labelledOptions(DIFFICULTIES, DIFFICULTY_LABELS);
const LANGUAGE_OPTIONS = labelledOptions(LANGUAGES, LANGUAGE_LABELS);

const STORAGE_KEY = "trainer.generate";

/** The difficulty and language last chosen here (easy, Python the first time). */
export function remembered(): { difficulty: Difficulty; language: Language } {
	try {
		const saved = JSON.parse(
			localStorage.getItem(STORAGE_KEY) ?? "{}",
		) as Partial<Record<string, string>>;
		return {
			difficulty:
				DIFFICULTIES.find((value) => value === saved.difficulty) ?? "easy",
			language: LANGUAGES.find((value) => value === saved.language) ?? "python",
		};
	} catch {
		return { difficulty: "easy", language: "python" };
	}
}

/** Seconds since `busy` became true, to one decimal, while it stays true. */
function useElapsed(busy: boolean): number {
	const [elapsed, setElapsed] = useState(0);
	useEffect(() => {
		if (!busy) return;
		const started = performance.now();
		setElapsed(0);
		const timer = setInterval(
			() => setElapsed((performance.now() - started) / 1000),
			100,
		);
		return () => clearInterval(timer);
	}, [busy]);
	return elapsed;
}

interface GenerateFormProps {
	onGenerate(request: GenerateChallengeRequest): void;
	busy: boolean;
	/** no quota left: the button explains why it cannot be used */
	exhausted: boolean;
}

/** Difficulty, language and an optional topic, and the Generate challenge button (CONTRACT names). */
export function GenerateForm({
	onGenerate,
	busy,
	exhausted,
}: GenerateFormProps) {
	const [choice, setChoice] = useState(remembered);
	const [topic, setTopic] = useState("");
	const topicId = useId();
	const elapsed = useElapsed(busy);

	const update = (next: Partial<typeof choice>) => {
		const merged = { ...choice, ...next };
		setChoice(merged);
		localStorage.setItem(STORAGE_KEY, JSON.stringify(merged));
	};

	const submit = (event: FormEvent) => {
		event.preventDefault();
		if (busy || exhausted) return;
		onGenerate({ ...choice, topic: topic.trim() || undefined });
	};

	return (
		<form className="generate-form" onSubmit={submit}>
			<SelectField
				label="Difficulty"
				value={choice.difficulty}
				options={DIFFICULTY_OPTIONS}
				onChange={(difficulty) => update({ difficulty })}
			/>
			<SelectField
				label="Language"
				value={choice.language}
				options={LANGUAGE_OPTIONS}
				onChange={(language) => update({ language })}
			/>
			<div className="field field-wide">
				<label htmlFor={topicId}>
					Topic <span className="optional">(optional)</span>
				</label>
				<input
					id={topicId}
					value={topic}
					maxLength={TOPIC_MAX_LENGTH}
					placeholder="e.g. closures, slicing, sorting"
					onChange={(event) => setTopic(event.target.value)}
				/>
			</div>
			<div className="generate-action">
				<Button type="submit" busy={busy} disabled={exhausted}>
					Generate challenge
					{/* seen, not announced: a live region ticking every 100 ms would be read out without end,
					    and the button's name stays "Generate challenge" (CONTRACT names) */}
					{busy && (
						<span className="button-elapsed" aria-hidden="true">
							{elapsed.toFixed(1)} s
						</span>
					)}
				</Button>
				<span className="generate-status" role="status">
					{busy
						? "Generating…"
						: exhausted
							? "No challenges left until your quota refills."
							: ""}
				</span>
			</div>
		</form>
	);
}
