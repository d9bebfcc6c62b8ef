CREATE TABLE "challenge_pool" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenge_pool_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"difficulty" text NOT NULL,
	"language" text NOT NULL,
	"content" jsonb NOT NULL,
	"variant_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "verification" text DEFAULT 'executed' NOT NULL;--> statement-breakpoint
CREATE INDEX "challenge_pool_difficulty_language_id_index" ON "challenge_pool" USING btree ("difficulty","language","id");