import type { Audience, PersonId, RegionId, ThemeGroupId, UpdateId, UpdateKind } from "@spridning/core"
import { sql } from "drizzle-orm"
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core"
import { people, regions, themeGroups } from "./organisation.js"

/**
 * What a theme group (or the network office) publishes. The columns every kind shares live
 * here; what only one kind has lives in that kind's table, keyed by the update's id.
 */
export const updates = pgTable(
  "updates",
  {
    id: text("id").$type<UpdateId>().primaryKey(),
    kind: text("kind").$type<UpdateKind>().notNull(),
    themeGroupId: text("theme_group_id")
      .$type<ThemeGroupId>()
      .references(() => themeGroups.id),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    audience: jsonb("audience").$type<Audience>().notNull(),
    /** "Sprid vidare till: …" as planned at publication, Swedish and English. */
    passOnLineSv: text("pass_on_line_sv"),
    passOnLineEn: text("pass_on_line_en"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    index("updates_theme_group").on(t.themeGroupId, t.createdAt),
    index("updates_kind").on(t.kind, t.createdAt),
    // Full-text search over title and text (`?q=`); the same expression as the list query's.
    index("updates_search").using("gin", sql`to_tsvector('swedish', ${t.title} || ' ' || ${t.body})`),
  ],
)

/** Minnesanteckningar from one meeting. */
export const meetingNotes = pgTable("meeting_notes", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  meetingDate: date("meeting_date", { mode: "string" }).notNull(),
  /** The latest correction after publication, as told to readers (earlier ones are in the audit log). */
  correctionNote: text("correction_note"),
  correctedAt: timestamp("corrected_at", { withTimezone: true }),
})

/** "punktlista över aktuellt arbete som uppdateras kontinuerligt" */
export const workListItems = pgTable("work_list_items", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  status: text("status").$type<"planned" | "ongoing" | "done">().notNull(),
  dueDate: date("due_date", { mode: "string" }),
})

/** Digitimme: a one-hour online session. */
export const digitalHours = pgTable(
  "digital_hours",
  {
    updateId: text("update_id")
      .$type<UpdateId>()
      .primaryKey()
      .references(() => updates.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location"),
    url: text("url"),
    /** RFC 5545 SEQUENCE: raised each time the hour is moved or cancelled, so calendars update. */
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("digital_hours_starts_at").on(t.startsAt)],
)

/** "Formulera och dela goda exempel på regional organisation" */
export const goodExamples = pgTable(
  "good_examples",
  {
    updateId: text("update_id")
      .$type<UpdateId>()
      .primaryKey()
      .references(() => updates.id, { onDelete: "cascade" }),
    regionId: text("region_id")
      .$type<RegionId>()
      .references(() => regions.id),
    tags: text("tags").array().$type<Array<string>>().notNull().default(sql`'{}'`),
  },
  (t) => [index("good_examples_tags").using("gin", t.tags)],
)

/** "regionerna skicka in förslag … inför skrivandet av handlingsplaner" */
export const proposalRounds = pgTable("proposal_rounds", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  deadline: timestamp("deadline", { withTimezone: true }).notNull(),
  planYear: integer("plan_year"),
})

export type ProposalStatus = "open" | "accepted" | "merged" | "declined"

export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: text("round_id")
      .$type<UpdateId>()
      .notNull()
      .references(() => proposalRounds.updateId, { onDelete: "cascade" }),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    submittedBy: text("submitted_by")
      .$type<PersonId>()
      .references(() => people.id),
    text: text("text").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status").$type<ProposalStatus>().notNull().default("open"),
    /** Why a proposal was declined, or what it was merged with. */
    reason: text("reason"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The `proposalAnswer` update that told the region. */
    answerUpdateId: text("answer_update_id")
      .$type<UpdateId>()
      .references(() => updates.id),
  },
  (t) => [index("proposals_round").on(t.roundId, t.submittedAt)],
)

/** Handlingsplan for the coming year. */
export const actionPlans = pgTable("action_plans", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  planYear: integer("plan_year").notNull(),
})

/** A periodic briefing for one region's management. */
export const briefings = pgTable("briefings", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  regionId: text("region_id")
    .$type<RegionId>()
    .notNull()
    .references(() => regions.id),
  periodKey: text("period_key").notNull(),
})

/**
 * What a `proposalAnswer` update tells the region: the proposal, the answer and its reason,
 * and the answer it replaces when the group changed its mind.
 */
export const proposalAnswers = pgTable("proposal_answers", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  proposalId: uuid("proposal_id")
    .notNull()
    .references(() => proposals.id, { onDelete: "cascade" }),
  status: text("status").$type<Exclude<ProposalStatus, "open">>().notNull(),
  reason: text("reason"),
  previousStatus: text("previous_status").$type<Exclude<ProposalStatus, "open">>(),
})

/** "Send this region's briefing now", asked by the office and fulfilled by the mail schedule. */
export const briefingRequests = pgTable("briefing_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionId: text("region_id")
    .$type<RegionId>()
    .notNull()
    .references(() => regions.id, { onDelete: "cascade" }),
  requestedBy: text("requested_by").notNull(),
  requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
})
