import { PageTitle } from "@/components/layout/page-title";
import { DeleteAccount } from "@/features/auth/components/delete-account";
import { MisconceptionsPanel } from "@/features/progress/components/misconceptions-panel";
import { ProgressPanel } from "@/features/progress/components/progress-panel";
import "@/components/layout/page.css";

export function ProgressPage() {
	return (
		<section className="page progress-page">
			<PageTitle page="Progress" />
			<h1>Progress</h1>
			<ProgressPanel />
			<MisconceptionsPanel />
			<DeleteAccount />
		</section>
	);
}
