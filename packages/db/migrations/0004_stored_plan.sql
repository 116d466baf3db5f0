CREATE TABLE "update_plans" (
	"update_id" text PRIMARY KEY NOT NULL,
	"unreachable_regions" jsonb NOT NULL,
	"skipped" jsonb NOT NULL,
	"pass_on_line_sv" text NOT NULL,
	"pass_on_line_en" text NOT NULL,
	"person_names" jsonb NOT NULL,
	"region_names" jsonb NOT NULL,
	"planned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "update_plans" ADD CONSTRAINT "update_plans_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;