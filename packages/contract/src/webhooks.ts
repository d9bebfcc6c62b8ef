import { z } from "zod";

/** The part of a Clerk webhook event we read; Clerk sends much more, which is ignored. */
export const ClerkWebhookEventSchema = z.object({
	type: z.string().min(1),
	data: z.looseObject({ id: z.string().min(1) }),
});
export type ClerkWebhookEvent = z.infer<typeof ClerkWebhookEventSchema>;
