import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/api-client";
import "@/components/ui/spinner.css";
import "./full-page.css";

export function FullPageLoading() {
	return (
		<div className="full-page" role="status" aria-label="Loading">
			<span className="spinner spinner-large" aria-hidden="true" />
			<span className="visually-hidden">Loading…</span>
		</div>
	);
}

export function FullPageError({
	error,
	onRetry,
}: {
	error: unknown;
	onRetry?: () => void;
}) {
	return (
		<div className="full-page" role="alert">
			<h1>Something is in the way</h1>
			<p>{errorMessage(error)}</p>
			{onRetry && <Button onClick={onRetry}>Try again</Button>}
		</div>
	);
}
