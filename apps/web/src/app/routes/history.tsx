import { PageTitle } from "@/components/layout/page-title";
import { ChallengeSession } from "@/features/challenges/components/challenge-session";
import { HistoryPanel } from "@/features/history/components/history-panel";
import "@/components/layout/page.css";

export function HistoryPage() {
	return (
		<section className="page history-page">
			<PageTitle page="History" />
			<h1>History</h1>
			<HistoryPanel
				// an answered challenge shows its recorded answer; one left unanswered can be answered here
				renderChallenge={(item) => (
					<ChallengeSession
						challenge={item}
						recorded={item.answer}
						titleHidden
					/>
				)}
			/>
		</section>
	);
}
