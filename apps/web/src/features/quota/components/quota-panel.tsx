import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { Skeleton } from "@/components/ui/skeleton";
import { quotaQueryKey, useQuota } from "../api/get-quota";
import { QuotaDisplay } from "./quota-display";

/** The caller's quota, loaded from the API. */
export function QuotaPanel() {
	const quota = useQuota();
	const queryClient = useQueryClient();
	const refresh = useCallback(
		() => queryClient.invalidateQueries({ queryKey: quotaQueryKey }),
		[queryClient],
	);
	if (quota.isPending) return <Skeleton lines={1} label="Loading your quota" />;
	if (quota.isError)
		return <ErrorMessage error={quota.error} onRetry={() => quota.refetch()} />;
	return <QuotaDisplay quota={quota.data} onRefillDue={refresh} />;
}
