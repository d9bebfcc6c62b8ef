CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quota_holds" ADD COLUMN "owner" text;--> statement-breakpoint
CREATE INDEX "rate_limit_counters_resets_at_index" ON "rate_limit_counters" USING btree ("resets_at");--> statement-breakpoint
CREATE INDEX "quota_holds_owner_index" ON "quota_holds" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "quota_holds_user_id_index" ON "quota_holds" USING btree ("user_id");