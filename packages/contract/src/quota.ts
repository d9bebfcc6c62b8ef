import { z } from "zod";

/** Response of GET /api/quota. */
export const QuotaSchema = z.object({
	user_id: z.string(),
	quota_remaining: z.number().int(),
	last_reset_date: z.iso.datetime(),
	next_reset_at: z.iso.datetime(),
});
export type Quota = z.infer<typeof QuotaSchema>;
