import { ChallengeCard } from "@/features/challenges/components/challenge-card";
import { HistoryPanel } from "@/features/history/components/history-panel";

export function HistoryPage() {
	return (
		<section className="page history-page">
			<h1>History</h1>
			<HistoryPanel
				// read-only: a past challenge shows its recorded answer and cannot be answered again
				renderChallenge={(item) => (
					<ChallengeCard challenge={item} answer={item.answer} />
				)}
			/>
		</section>
	);
}
