import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { type ExportFormat, useExportHistory } from "../api/export-history";
import "./history-export.css";

const FORMATS: { format: ExportFormat; label: string }[] = [
	{ format: "json", label: "Export JSON" },
	{ format: "csv", label: "Export CSV" },
];

/** Downloads the whole history, as JSON or CSV. */
export function HistoryExport() {
	const exporter = useExportHistory();
	return (
		<div className="history-export">
			<div className="history-export-buttons">
				{FORMATS.map(({ format, label }) => (
					<Button
						key={format}
						variant="secondary"
						busy={exporter.isPending && exporter.variables === format}
						disabled={exporter.isPending}
						onClick={() => exporter.mutate(format)}
					>
						{label}
					</Button>
				))}
			</div>
			{exporter.isError && <ErrorMessage error={exporter.error} />}
		</div>
	);
}
