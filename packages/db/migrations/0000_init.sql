CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"role" text NOT NULL,
	"region_id" text,
	"theme_group_id" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_hash" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"token_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_token_id_key_pk" PRIMARY KEY("token_id","key")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"person_id" text NOT NULL,
	"theme_group_id" text NOT NULL,
	"frequency" text DEFAULT 'immediate' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_person_id_theme_group_id_pk" PRIMARY KEY("person_id","theme_group_id")
);
--> statement-breakpoint
CREATE TABLE "healthcare_regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"function" text NOT NULL,
	"region_id" text NOT NULL,
	"org_unit_id" text,
	"channels" text[] DEFAULT '{email}' NOT NULL,
	"language" text DEFAULT 'sv' NOT NULL,
	"opted_out_of_all" boolean DEFAULT false NOT NULL,
	"opted_out_of_theme_groups" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_email" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "region_healthcare_regions" (
	"region_id" text NOT NULL,
	"healthcare_region_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "region_healthcare_regions_region_id_healthcare_region_id_pk" PRIMARY KEY("region_id","healthcare_region_id"),
	CONSTRAINT "region_healthcare_regions_position" UNIQUE("region_id","position")
);
--> statement-breakpoint
CREATE TABLE "regional_bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"wanted_sectors" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text,
	"from_role" text NOT NULL,
	"to_role" text NOT NULL,
	"relation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_rules_once" UNIQUE NULLS NOT DISTINCT("region_id","from_role","to_role","relation")
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"region_id" text NOT NULL,
	"theme_group_id" text,
	"regional_body_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_once" UNIQUE NULLS NOT DISTINCT("person_id","role","region_id","theme_group_id","regional_body_id"),
	CONSTRAINT "role_assignments_theme_group_roles" CHECK (("role_assignments"."role" in ('participant', 'chair', 'contactPerson')) = ("role_assignments"."theme_group_id" is not null)),
	CONSTRAINT "role_assignments_body_member" CHECK (("role_assignments"."role" = 'bodyMember') = ("role_assignments"."regional_body_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "slack_user_links" (
	"slack_team_id" text NOT NULL,
	"slack_user_id" text NOT NULL,
	"person_id" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_user_links_slack_team_id_slack_user_id_pk" PRIMARY KEY("slack_team_id","slack_user_id"),
	CONSTRAINT "slack_user_links_person" UNIQUE("slack_team_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "theme_group_channels" (
	"theme_group_id" text PRIMARY KEY NOT NULL,
	"slack_team_id" text NOT NULL,
	"slack_channel_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_group_channels_channel" UNIQUE("slack_team_id","slack_channel_id")
);
--> statement-breakpoint
CREATE TABLE "theme_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"topic" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" text,
	"wanted_functions" text[] DEFAULT '{}' NOT NULL,
	"knowledge_governance_level" text,
	"knowledge_governance_area" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_groups_merged_has_successor" CHECK (("theme_groups"."status" = 'merged') = ("theme_groups"."merged_into" is not null)),
	CONSTRAINT "theme_groups_knowledge_governance_complete" CHECK (("theme_groups"."knowledge_governance_level" is null) = ("theme_groups"."knowledge_governance_area" is null))
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"update_id" text NOT NULL,
	"person_id" text NOT NULL,
	"region_id" text NOT NULL,
	"channel" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"bridge" jsonb,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"last_error" text,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_once" UNIQUE("update_id","person_id","channel")
);
--> statement-breakpoint
CREATE TABLE "delivery_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_event_id" text NOT NULL,
	"delivery_id" uuid,
	"provider_message_id" text,
	"event" text NOT NULL,
	"email" text,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_events_once" UNIQUE("provider_event_id")
);
--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" text NOT NULL,
	"period_key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"update_count" integer,
	CONSTRAINT "digest_runs_once" UNIQUE("person_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"person_id" text,
	CONSTRAINT "receipts_once" UNIQUE("delivery_id","kind")
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"update_id" text PRIMARY KEY NOT NULL,
	"plan_year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefings" (
	"update_id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"period_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digital_hours" (
	"update_id" text PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "good_examples" (
	"update_id" text PRIMARY KEY NOT NULL,
	"region_id" text,
	"tags" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_notes" (
	"update_id" text PRIMARY KEY NOT NULL,
	"meeting_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_rounds" (
	"update_id" text PRIMARY KEY NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"plan_year" integer
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" text NOT NULL,
	"region_id" text NOT NULL,
	"submitted_by" text,
	"text" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"answered_at" timestamp with time zone,
	"answer_update_id" text
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"theme_group_id" text,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"audience" jsonb NOT NULL,
	"pass_on_line_sv" text,
	"pass_on_line_en" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_list_items" (
	"update_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"due_date" date
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_theme_group_id_theme_groups_id_fk" FOREIGN KEY ("theme_group_id") REFERENCES "public"."theme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_theme_group_id_theme_groups_id_fk" FOREIGN KEY ("theme_group_id") REFERENCES "public"."theme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_healthcare_regions" ADD CONSTRAINT "region_healthcare_regions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_healthcare_regions" ADD CONSTRAINT "region_healthcare_regions_healthcare_region_id_healthcare_regions_id_fk" FOREIGN KEY ("healthcare_region_id") REFERENCES "public"."healthcare_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_bodies" ADD CONSTRAINT "regional_bodies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rules" ADD CONSTRAINT "reporting_rules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_theme_group_id_theme_groups_id_fk" FOREIGN KEY ("theme_group_id") REFERENCES "public"."theme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_regional_body_id_regional_bodies_id_fk" FOREIGN KEY ("regional_body_id") REFERENCES "public"."regional_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_user_links" ADD CONSTRAINT "slack_user_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_group_channels" ADD CONSTRAINT "theme_group_channels_theme_group_id_theme_groups_id_fk" FOREIGN KEY ("theme_group_id") REFERENCES "public"."theme_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_groups" ADD CONSTRAINT "theme_groups_merged_into_theme_groups_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."theme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_events" ADD CONSTRAINT "delivery_events_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_hours" ADD CONSTRAINT "digital_hours_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_examples" ADD CONSTRAINT "good_examples_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_examples" ADD CONSTRAINT "good_examples_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_rounds" ADD CONSTRAINT "proposal_rounds_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_round_id_proposal_rounds_update_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."proposal_rounds"("update_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_answer_update_id_updates_id_fk" FOREIGN KEY ("answer_update_id") REFERENCES "public"."updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_theme_group_id_theme_groups_id_fk" FOREIGN KEY ("theme_group_id") REFERENCES "public"."theme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_list_items" ADD CONSTRAINT "work_list_items_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "follows_theme_group" ON "follows" USING btree ("theme_group_id");--> statement-breakpoint
CREATE INDEX "org_units_region" ON "org_units" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "people_region" ON "people" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "region_healthcare_regions_healthcare_region" ON "region_healthcare_regions" USING btree ("healthcare_region_id");--> statement-breakpoint
CREATE INDEX "regional_bodies_region" ON "regional_bodies" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "role_assignments_person" ON "role_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "role_assignments_theme_group" ON "role_assignments" USING btree ("theme_group_id");--> statement-breakpoint
CREATE INDEX "role_assignments_region_role" ON "role_assignments" USING btree ("region_id","role");--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("channel","next_attempt_at") WHERE "deliveries"."state" in ('pending', 'failed');--> statement-breakpoint
CREATE INDEX "deliveries_leased" ON "deliveries" USING btree ("channel","lease_until") WHERE "deliveries"."state" = 'sending';--> statement-breakpoint
CREATE INDEX "deliveries_person" ON "deliveries" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "deliveries_region" ON "deliveries" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "deliveries_provider_message" ON "deliveries" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "delivery_events_delivery" ON "delivery_events" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "digital_hours_starts_at" ON "digital_hours" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "good_examples_tags" ON "good_examples" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "proposals_round" ON "proposals" USING btree ("round_id","submitted_at");--> statement-breakpoint
CREATE INDEX "updates_theme_group" ON "updates" USING btree ("theme_group_id","created_at");--> statement-breakpoint
CREATE INDEX "updates_kind" ON "updates" USING btree ("kind","created_at");