CREATE TABLE "answers" (
	"challenge_id" integer PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"answer_id" integer NOT NULL,
	"correct" boolean NOT NULL,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"difficulty" text NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"code" text,
	"options" jsonb NOT NULL,
	"correct_answer_id" integer NOT NULL,
	"explanation" text NOT NULL,
	"verified" boolean NOT NULL,
	"source" text NOT NULL,
	"topic" text,
	"variant_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_holds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quota_holds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"user_id" text PRIMARY KEY NOT NULL,
	"quota_remaining" integer NOT NULL,
	"last_reset_date" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"svix_id" text PRIMARY KEY NOT NULL,
	"event_type" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_user_id_answered_at_index" ON "answers" USING btree ("user_id","answered_at");--> statement-breakpoint
CREATE INDEX "challenges_user_id_id_index" ON "challenges" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "challenges_user_id_variant_key_index" ON "challenges" USING btree ("user_id","variant_key");--> statement-breakpoint
CREATE INDEX "quota_holds_created_at_index" ON "quota_holds" USING btree ("created_at");