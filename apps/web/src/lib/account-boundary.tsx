import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { forgetAccountData } from "./account-queries";

/**
 * Renders `children` for one account at a time. When the signed-in account changes (another
 * user, or signed out), they unmount, the previous account's cached data is forgotten, and only
 * then do they render again: the query keys carry no user id, so nothing else keeps one account's
 * data from showing to the next. `undefined` means "not known yet" (still loading) and changes
 * nothing.
 */
export function AccountBoundary({
	accountId,
	children,
}: {
	accountId: string | null | undefined;
	children: ReactNode;
}) {
	const queryClient = useQueryClient();
	const [shown, setShown] = useState(accountId);
	const changed = accountId !== undefined && accountId !== shown;
	useEffect(() => {
		if (!changed) return;
		forgetAccountData(queryClient);
		setShown(accountId);
	}, [changed, accountId, queryClient]);
	return changed ? null : children;
}
