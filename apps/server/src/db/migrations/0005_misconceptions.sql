ALTER TABLE "answers" ADD COLUMN "misconception_id" text;--> statement-breakpoint
ALTER TABLE "challenge_pool" ADD COLUMN "diagnosis" jsonb;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "idea" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "misconceptions" jsonb;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "review_of" text;--> statement-breakpoint
CREATE INDEX "answers_user_id_misconception_id_index" ON "answers" USING btree ("user_id","misconception_id");