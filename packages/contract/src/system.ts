import { z } from "zod";

/** Response of GET /api/health. */
export const HealthSchema = z.object({ status: z.literal("ok") });
export type Health = z.infer<typeof HealthSchema>;

/** Response of POST /webhooks/clerk. */
export const WebhookAckSchema = z.object({
	status: z.enum(["processed", "duplicate", "ignored"]),
});
export type WebhookAck = z.infer<typeof WebhookAckSchema>;
