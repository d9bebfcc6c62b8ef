import { useRouteError } from "react-router";
import { FullPageError } from "@/components/layout/full-page";

export function RouteError() {
	const error = useRouteError();
	return (
		<FullPageError error={error} onRetry={() => window.location.reload()} />
	);
}
