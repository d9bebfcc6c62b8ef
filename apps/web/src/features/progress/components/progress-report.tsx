import type { Stats } from "@app/contract";
import { AccuracyChart } from "./accuracy-chart";
import { DifficultyAccuracy } from "./difficulty-accuracy";
import { ProgressTotals } from "./progress-totals";
import "./progress-report.css";

/** Everything the stats say, from plain data (no fetching), so it renders the same in tests. */
export function ProgressReport({ stats }: { stats: Stats }) {
	return (
		<div className="progress-report">
			<ProgressTotals stats={stats} />
			<DifficultyAccuracy byDifficulty={stats.by_difficulty} />
			<AccuracyChart daily={stats.daily} />
		</div>
	);
}
