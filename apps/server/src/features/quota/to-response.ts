import type { Quota } from "@app/contract";
import { nextResetAt, type QuotaPolicy, type QuotaRow } from "./quota.repo.js";

export const toQuotaResponse = (row: QuotaRow, policy: QuotaPolicy): Quota => ({
	user_id: row.userId,
	quota_remaining: row.quotaRemaining,
	last_reset_date: row.lastResetDate.toISOString(),
	next_reset_at: nextResetAt(row, policy).toISOString(),
});
