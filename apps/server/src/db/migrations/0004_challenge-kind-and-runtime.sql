ALTER TABLE "challenges" ADD COLUMN "kind" text DEFAULT 'output' NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "runtime" text;--> statement-breakpoint
-- every challenge stored before asked what its code prints, in Python 3 or as a Node.js script;
-- only this-binding's snippets depended on sloppy mode
UPDATE "challenges" SET "runtime" = CASE
	WHEN "language" = 'python' THEN 'Python 3'
	WHEN "source" = 'offline:javascript/this-binding' THEN 'Node.js (CommonJS script, sloppy mode)'
	ELSE 'Node.js (CommonJS script)'
END;--> statement-breakpoint
ALTER TABLE "challenges" ALTER COLUMN "runtime" SET NOT NULL;--> statement-breakpoint
UPDATE "challenge_pool" SET "content" = "content" || jsonb_build_object(
	'kind', 'output',
	'runtime', CASE WHEN "language" = 'python' THEN 'Python 3' ELSE 'Node.js (CommonJS script)' END
) WHERE "content"->>'runtime' IS NULL;
