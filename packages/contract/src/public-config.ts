import { z } from "zod";

export const AuthProviderSchema = z.enum(["clerk", "local"]);
export type AuthProvider = z.infer<typeof AuthProviderSchema>;

export const GeneratorKindSchema = z.enum(["openai", "offline"]);
export type GeneratorKind = z.infer<typeof GeneratorKindSchema>;

/** Response of GET /api/config: what the web app needs to know at run time. */
export const PublicConfigSchema = z.object({
	auth: z.object({
		provider: AuthProviderSchema,
		publishable_key: z.string().nullable(),
	}),
	generator: GeneratorKindSchema,
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
