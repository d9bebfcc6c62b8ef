import { Link } from "react-router";
import { PageTitle } from "@/components/layout/page-title";
import { challengePath } from "@/config/paths";
import { ChallengeSession } from "@/features/challenges/components/challenge-session";
import { HistoryExport } from "@/features/history/components/history-export";
import { HistoryPanel } from "@/features/history/components/history-panel";
import "@/components/layout/page.css";

export function HistoryPage() {
	return (
		<section className="page history-page">
			<PageTitle page="History" />
			<div className="page-heading">
				<h1>History</h1>
				<HistoryExport />
			</div>
			<HistoryPanel
				// an answered challenge shows its recorded answer; one left unanswered can be answered here
				renderChallenge={(item) => (
					<>
						<ChallengeSession
							challenge={item}
							recorded={item.answer}
							pageLink={false}
							titleHidden
						/>
						<Link to={challengePath(item.id)}>
							Open this challenge on its own page
						</Link>
					</>
				)}
			/>
		</section>
	);
}
