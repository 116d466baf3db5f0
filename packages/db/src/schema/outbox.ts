import type {
  Bridge,
  Channel,
  DeliveryId,
  DeliveryState,
  InclusionReason,
  PersonId,
  ReceiptKind,
  RegionId,
  UpdateId,
} from "@spridning/core"
import { sql } from "drizzle-orm"
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core"
import { people, regions } from "./organisation.js"
import { updates } from "./updates.js"

/** Every state a stored delivery can be in: core's `DeliveryState`. */
export type OutboxState = DeliveryState

/**
 * The outbox: one row per planned message, written in the same transaction as its update.
 * Dispatchers claim due rows with `FOR UPDATE SKIP LOCKED` and hold them for a lease.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").$type<DeliveryId>().primaryKey().defaultRandom(),
    updateId: text("update_id")
      .$type<UpdateId>()
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id),
    regionId: text("region_id")
      .$type<RegionId>()
      .notNull()
      .references(() => regions.id),
    channel: text("channel").$type<Channel>().notNull(),
    reasons: jsonb("reasons").$type<ReadonlyArray<InclusionReason>>().notNull(),
    bridge: jsonb("bridge").$type<Bridge>(),
    state: text("state").$type<OutboxState>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** On a replacement: the delivery (on a channel that is not configured) it stands in for. */
    reroutedFrom: uuid("rerouted_from")
      .$type<DeliveryId>()
      .references((): AnyPgColumn => deliveries.id, {
        onDelete: "set null",
      }),
    /** The digest period a `held` delivery waits for (core's period key, e.g. "daily:2026-11-30"). */
    digestPeriod: text("digest_period"),
    /** How often an `uncertain` delivery was sent again after the window passed without evidence. */
    resends: integer("resends").notNull().default(0),
  },
  (t) => [
    unique("deliveries_once").on(t.updateId, t.personId, t.channel),
    index("deliveries_due")
      .on(t.channel, t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'failed', 'held')`),
    index("deliveries_uncertain").on(t.channel, t.nextAttemptAt).where(sql`${t.state} = 'uncertain'`),
    index("deliveries_digest").on(t.personId, t.digestPeriod).where(sql`${t.state} = 'held'`),
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
      .$type<DeliveryId>()
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReceiptKind>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    personId: text("person_id")
      .$type<PersonId>()
      .references(() => people.id),
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
    deliveryId: uuid("delivery_id")
      .$type<DeliveryId>()
      .references(() => deliveries.id, { onDelete: "set null" }),
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
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    periodKey: text("period_key").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updateCount: integer("update_count"),
  },
  (t) => [unique("digest_runs_once").on(t.personId, t.periodKey)],
)

/**
 * A single row whose `version` goes up in the same transaction as every write to the
 * organisation (a trigger on each organisation table, see the migration), so a dispatcher
 * reloads the network exactly when it changed, on any number of machines, and never decides
 * on a network older than the delivery in its hands.
 */
export const networkVersion = pgTable(
  "network_version",
  {
    id: smallint("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("network_version_single_row", sql`${t.id} = 1`)],
)

/** An update posted in its theme group's Slack channel: the primary key lets one dispatcher post it. */
export const slackAnnouncements = pgTable(
  "slack_announcements",
  {
    updateId: text("update_id")
      .$type<UpdateId>()
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    slackChannelId: text("slack_channel_id").notNull(),
    claimedBy: text("claimed_by").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Slack's `ts` once the message is posted. */
    ts: text("ts"),
  },
  (t) => [unique("slack_announcements_once").on(t.updateId, t.slackChannelId)],
)
