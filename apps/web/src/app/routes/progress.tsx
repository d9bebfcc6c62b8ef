import { ProgressPanel } from "@/features/progress/components/progress-panel";

export function ProgressPage() {
	return (
		<section className="page progress-page">
			<h1>Progress</h1>
			<ProgressPanel />
		</section>
	);
}
