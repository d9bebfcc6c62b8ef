import { errorMessage } from "@/lib/api-client";
import "./error-message.css";

/** An error as the API explained it (its `detail`), announced to assistive technology. */
export function ErrorMessage({
	error,
	onRetry,
}: {
	error: unknown;
	onRetry?: () => void;
}) {
	return (
		<div className="error-message" role="alert">
			<p>{errorMessage(error)}</p>
			{onRetry && (
				<button type="button" className="link-button" onClick={onRetry}>
					Try again
				</button>
			)}
		</div>
	);
}
