import { Link } from "react-router";
import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { useStats } from "../api/get-stats";
import { ProgressReport } from "./progress-report";
import "@/components/ui/empty-state.css";

/** The caller's stats from the API, with loading, error and nothing-answered-yet states. */
export function ProgressPanel() {
	const stats = useStats();
	if (stats.isPending)
		return <Skeleton lines={6} label="Loading your progress" />;
	if (stats.isError)
		return <ErrorMessage error={stats.error} onRetry={() => stats.refetch()} />;
	if (stats.data.answered === 0) {
		// the link's name avoids "Generate": the header's Generate link must stay the only one (CONTRACT names)
		return (
			<div className="empty-state">
				<p>
					Nothing answered yet. Your accuracy, streak and daily chart appear
					here after your first answer.
				</p>
				<Link to={paths.generate}>Start practising</Link>
			</div>
		);
	}
	return <ProgressReport stats={stats.data} />;
}
