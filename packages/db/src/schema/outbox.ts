import type { Bridge, Channel, DeliveryState, InclusionReason, ReceiptKind } from "@spridning/core"
import { sql } from "drizzle-orm"
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core"
import { people, regions } from "./organisation.js"
import { updates } from "./updates.js"

/**
 * The outbox: one row per planned message, written in the same transaction as its update.
 * Workers claim due rows with `FOR UPDATE SKIP LOCKED` and hold them for a lease.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    updateId: text("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    channel: text("channel").$type<Channel>().notNull(),
    reasons: jsonb("reasons").$type<ReadonlyArray<InclusionReason>>().notNull(),
    bridge: jsonb("bridge").$type<Bridge>(),
    state: text("state").$type<DeliveryState>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("deliveries_once").on(t.updateId, t.personId, t.channel),
    index("deliveries_due").on(t.channel, t.nextAttemptAt).where(sql`${t.state} in ('pending', 'failed')`),
    index("deliveries_leased").on(t.channel, t.leaseUntil).where(sql`${t.state} = 'sending'`),
    index("deliveries_person").on(t.personId),
    // Only sent mail has a provider id; a partial index costs nothing when publishing.
    index("deliveries_provider_message")
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
  ],
)

/** "gå från information till handling": read, passed on, acted — each at most once per delivery. */
export const receipts = pgTable(
  "receipts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReceiptKind>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    personId: text("person_id").references(() => people.id),
  },
  (t) => [unique("receipts_once").on(t.deliveryId, t.kind)],
)

/** What SendGrid's event webhook told us about a message (delivered, bounce, open, …). */
export const deliveryEvents = pgTable(
  "delivery_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** SendGrid's `sg_event_id`; the webhook retries, so it is the key to drop repeats. */
    providerEventId: text("provider_event_id").notNull(),
    deliveryId: uuid("delivery_id").references(() => deliveries.id, { onDelete: "set null" }),
    providerMessageId: text("provider_message_id"),
    event: text("event").notNull(),
    email: text("email"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("delivery_events_once").on(t.providerEventId),
    index("delivery_events_delivery").on(t.deliveryId),
  ],
)

/** Addresses we must not mail again (bounce, spam report, unsubscribe). Stored lower-case. */
export const suppressions = pgTable("suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").$type<SuppressionReason>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
})

export type SuppressionReason = "bounce" | "spamReport" | "unsubscribe" | "invalid" | "manual"

/** One digest per person and period, however many workers try to send it. */
export const digestRuns = pgTable(
  "digest_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    periodKey: text("period_key").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updateCount: integer("update_count"),
  },
  (t) => [unique("digest_runs_once").on(t.personId, t.periodKey)],
)
