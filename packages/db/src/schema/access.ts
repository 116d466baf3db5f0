import type { RegionId, ThemeGroupId } from "@spridning/core"
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core"
import { regions, themeGroups } from "./organisation.js"

/** Every change: who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_entity").on(t.entity, t.entityId, t.at), index("audit_log_at").on(t.at)],
)

export type TokenRole = "admin" | "region-editor" | "group-editor" | "reader"

/** API tokens; only the SHA-256 of the secret is kept. */
export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique("api_tokens_hash"),
  role: text("role").$type<TokenRole>().notNull(),
  regionId: text("region_id")
    .$type<RegionId>()
    .references(() => regions.id),
  themeGroupId: text("theme_group_id")
    .$type<ThemeGroupId>()
    .references(() => themeGroups.id),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
})

/** A retried POST with the same key gets the first answer instead of doing the work twice. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("idempotency_keys_created").on(t.createdAt)],
)

/**
 * Request counters every instance shares (fixed windows per key), so a rate limit holds
 * across however many processes serve the API.
 */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  key: text("key").primaryKey(),
  windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
})

/** Keys seen once (signed webhook requests), kept until `expiresAt`, shared by every instance. */
export const seenKeys = pgTable(
  "seen_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("seen_keys_expires").on(t.expiresAt)],
)
