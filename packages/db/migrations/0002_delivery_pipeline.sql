CREATE TABLE "network_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "network_version_single_row" CHECK ("network_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "slack_announcements" (
	"update_id" text NOT NULL,
	"slack_channel_id" text NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ts" text,
	CONSTRAINT "slack_announcements_once" UNIQUE("update_id","slack_channel_id")
);
--> statement-breakpoint
DROP INDEX "deliveries_due";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "rerouted_from" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "digest_period" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "resends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "slack_announcements" ADD CONSTRAINT "slack_announcements_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_rerouted_from_deliveries_id_fk" FOREIGN KEY ("rerouted_from") REFERENCES "public"."deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_uncertain" ON "deliveries" USING btree ("channel","next_attempt_at") WHERE "deliveries"."state" = 'uncertain';--> statement-breakpoint
CREATE INDEX "deliveries_digest" ON "deliveries" USING btree ("person_id","digest_period") WHERE "deliveries"."state" = 'held';--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("channel","next_attempt_at") WHERE "deliveries"."state" in ('pending', 'failed', 'held');--> statement-breakpoint
INSERT INTO "network_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_network_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Runs inside the writing statement's transaction: the new version is visible exactly when the write is.
  UPDATE "network_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "healthcare_regions_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "healthcare_regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "regions_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "region_healthcare_regions_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region_healthcare_regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "org_units_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_units" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "theme_groups_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "theme_groups" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "people_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "regional_bodies_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regional_bodies" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "role_assignments_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "role_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "reporting_rules_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_rules" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
CREATE TRIGGER "follows_bump_network_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_network_version"();--> statement-breakpoint
-- Mail waiting for a digest was "pending with a note"; it is `held` now (its period is decided again when due).
UPDATE "deliveries" SET "state" = 'held', "last_error" = NULL WHERE "state" = 'pending' AND "last_error" LIKE 'held for the % digest %';
