import type { UnreachableRegion, UpdateId } from "@spridning/core"
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core"
import { updates } from "./updates.js"

export type SkippedPerson = {
  readonly personId: string
  readonly reason: "optedOutOfAll" | "optedOutOfThemeGroup" | "noChannel"
}

/**
 * What was planned when an update was published, kept as it was: the network may change
 * (groups merge, roles move, people are renamed) but the plan answers who got the mailing and
 * through which bridge. The deliveries themselves are the outbox rows of the update.
 */
export const updatePlans = pgTable("update_plans", {
  updateId: text("update_id")
    .$type<UpdateId>()
    .primaryKey()
    .references(() => updates.id, { onDelete: "cascade" }),
  unreachableRegions: jsonb("unreachable_regions").$type<ReadonlyArray<UnreachableRegion>>().notNull(),
  skipped: jsonb("skipped").$type<ReadonlyArray<SkippedPerson>>().notNull(),
  passOnLineSv: text("pass_on_line_sv").notNull(),
  passOnLineEn: text("pass_on_line_en").notNull(),
  /** Person id → name, for every person the plan names, as at publish. */
  personNames: jsonb("person_names").$type<Record<string, string>>().notNull(),
  /** Region id → name, for every region the plan names, as at publish. */
  regionNames: jsonb("region_names").$type<Record<string, string>>().notNull(),
  plannedAt: timestamp("planned_at", { withTimezone: true }).notNull(),
})
