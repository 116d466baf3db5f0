import type {
  Channel,
  FollowFrequency,
  HealthcareRegionId,
  Language,
  MemberKind,
  OrgUnitId,
  PersonFunction,
  PersonId,
  RegionalBodyId,
  RegionalBodyKind,
  RegionId,
  ReportingRelation,
  ReportingRuleId,
  Role,
  RoleAssignmentId,
  Sector,
  ThemeGroupId,
} from "@spridning/core"
import { sql } from "drizzle-orm"
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core"

/**
 * The organisation mirrors core's model (packages/core/src/organisation/model.ts). Ids are
 * core's opaque strings, so records keep the ids people and imports gave them; each id column
 * is typed with core's branded id (`$type`, types only: the SQL is plain text), so rows read
 * back carry the brands.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow()

export const healthcareRegions = pgTable("healthcare_regions", {
  id: text("id").$type<HealthcareRegionId>().primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const regions = pgTable("regions", {
  id: text("id").$type<RegionId>().primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").$type<MemberKind>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** Halland belongs to two healthcare regions; `position` 0 is the primary one. */
export const regionHealthcareRegions = pgTable(
  "region_healthcare_regions",
  {
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    healthcareRegionId: text("healthcare_region_id")
      .$type<HealthcareRegionId>()
      .notNull()
      .references(() => healthcareRegions.id),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.healthcareRegionId] }),
    unique("region_healthcare_regions_position").on(t.regionId, t.position),
    index("region_healthcare_regions_healthcare_region").on(t.healthcareRegionId),
  ],
)

export const orgUnits = pgTable(
  "org_units",
  {
    id: text("id").$type<OrgUnitId>().primaryKey(),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    name: text("name").notNull(),
    sector: text("sector").$type<Sector>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("org_units_region").on(t.regionId)],
)

export const themeGroups = pgTable(
  "theme_groups",
  {
    id: text("id").$type<ThemeGroupId>().primaryKey(),
    name: text("name").notNull(),
    topic: text("topic").notNull(),
    status: text("status").$type<"active" | "merged">().notNull().default("active"),
    mergedInto: text("merged_into")
      .$type<ThemeGroupId>()
      .references((): AnyPgColumn => themeGroups.id),
    wantedFunctions: text("wanted_functions")
      .array()
      .$type<Array<PersonFunction>>()
      .notNull()
      .default(sql`'{}'`),
    knowledgeGovernanceLevel: text("knowledge_governance_level").$type<"NPO" | "RPO">(),
    knowledgeGovernanceArea: text("knowledge_governance_area"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("theme_groups_merged_has_successor", sql`(${t.status} = 'merged') = (${t.mergedInto} is not null)`),
    check(
      "theme_groups_knowledge_governance_complete",
      sql`(${t.knowledgeGovernanceLevel} is null) = (${t.knowledgeGovernanceArea} is null)`,
    ),
  ],
)

export const people = pgTable(
  "people",
  {
    id: text("id").$type<PersonId>().primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    function: text("function").$type<PersonFunction>().notNull(),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    orgUnitId: text("org_unit_id")
      .$type<OrgUnitId>()
      .references(() => orgUnits.id),
    channels: text("channels").array().$type<Array<Channel>>().notNull().default(sql`'{email}'`),
    language: text("language").$type<Language>().notNull().default("sv"),
    optedOutOfAll: boolean("opted_out_of_all").notNull().default(false),
    optedOutOfThemeGroups: text("opted_out_of_theme_groups")
      .array()
      .$type<Array<ThemeGroupId>>()
      .notNull()
      .default(sql`'{}'`),
    /**
     * Set when the person was deleted: the row stays, anonymised, so the deliveries and
     * receipts that name it keep their counts; nothing reads it as a member any more.
     */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // One mailbox, one person: "Anna@x.se" and "anna@x.se" reach the same inbox.
  (t) => [uniqueIndex("people_email").on(sql`lower(${t.email})`), index("people_region").on(t.regionId)],
)

export const regionalBodies = pgTable(
  "regional_bodies",
  {
    id: text("id").$type<RegionalBodyId>().primaryKey(),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    kind: text("kind").$type<RegionalBodyKind>().notNull(),
    name: text("name").notNull(),
    wantedSectors: text("wanted_sectors").array().$type<Array<Sector>>().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("regional_bodies_region").on(t.regionId)],
)

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: text("id").$type<RoleAssignmentId>().primaryKey(),
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    themeGroupId: text("theme_group_id")
      .$type<ThemeGroupId>()
      .references(() => themeGroups.id),
    regionalBodyId: text("regional_body_id")
      .$type<RegionalBodyId>()
      .references(() => regionalBodies.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_assignments_once")
      .on(t.personId, t.role, t.regionId, t.themeGroupId, t.regionalBodyId)
      .nullsNotDistinct(),
    index("role_assignments_person").on(t.personId),
    index("role_assignments_theme_group").on(t.themeGroupId),
    index("role_assignments_region_role").on(t.regionId, t.role),
    check(
      "role_assignments_theme_group_roles",
      sql`(${t.role} in ('participant', 'chair', 'contactPerson')) = (${t.themeGroupId} is not null)`,
    ),
    check(
      "role_assignments_body_member",
      sql`(${t.role} = 'bodyMember') = (${t.regionalBodyId} is not null)`,
    ),
  ],
)

/** Rules without a region are the network's defaults. */
export const reportingRules = pgTable(
  "reporting_rules",
  {
    id: text("id").$type<ReportingRuleId>().primaryKey(),
    regionId: text("region_id")
      .$type<RegionId>()
      .references(() => regions.id),
    fromRole: text("from_role").$type<Role>().notNull(),
    toRole: text("to_role").$type<Role>().notNull(),
    relation: text("relation").$type<ReportingRelation>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("reporting_rules_once").on(t.regionId, t.fromRole, t.toRole, t.relation).nullsNotDistinct()],
)

export const follows = pgTable(
  "follows",
  {
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    themeGroupId: text("theme_group_id")
      .$type<ThemeGroupId>()
      .notNull()
      .references(() => themeGroups.id),
    frequency: text("frequency").$type<FollowFrequency>().notNull().default("immediate"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.themeGroupId] }),
    index("follows_theme_group").on(t.themeGroupId),
  ],
)

/** "theme-group channels": the Slack channel a theme group's updates are also posted to. */
export const themeGroupChannels = pgTable(
  "theme_group_channels",
  {
    themeGroupId: text("theme_group_id")
      .$type<ThemeGroupId>()
      .primaryKey()
      .references(() => themeGroups.id, { onDelete: "cascade" }),
    slackTeamId: text("slack_team_id").notNull(),
    slackChannelId: text("slack_channel_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("theme_group_channels_channel").on(t.slackTeamId, t.slackChannelId)],
)

export const slackUserLinks = pgTable(
  "slack_user_links",
  {
    slackTeamId: text("slack_team_id").notNull(),
    slackUserId: text("slack_user_id").notNull(),
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.slackTeamId, t.slackUserId] }),
    unique("slack_user_links_person").on(t.slackTeamId, t.personId),
  ],
)
