import { z } from "zod";
import { textField, UserIdSchema } from "./text.js";

/** The part of a Clerk webhook event we read; Clerk sends much more, which is ignored. */
export const ClerkWebhookEventSchema = z.object({
	type: textField({ max: 255 }).min(1),
	data: z.looseObject({ id: UserIdSchema }),
});
export type ClerkWebhookEvent = z.infer<typeof ClerkWebhookEventSchema>;
