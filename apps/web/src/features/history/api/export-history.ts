import type { HistoryExportQuery } from "@app/contract";
import { useMutation } from "@tanstack/react-query";
import { useApi } from "@/lib/use-api";

export type ExportFormat = HistoryExportQuery["format"];

/** Hands a file to the browser to save, through a temporary <a download>. */
function save(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement("a");
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	// the click has started the download; the URL can go once the browser has taken it
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads every challenge of the caller (GET /api/my-history/export) and saves it as a file. */
export function useExportHistory() {
	const api = useApi();
	return useMutation({
		mutationFn: async (format: ExportFormat) => {
			const { blob, filename } = await api.download(
				`/api/my-history/export?format=${format}`,
			);
			save(blob, filename ?? `code-trainer-history.${format}`);
		},
	});
}
