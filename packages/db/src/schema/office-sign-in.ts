import type { PersonId } from "@spridning/core"
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core"
import { people } from "./organisation.js"

/**
 * The office's one-time sign-in links: only the SHA-256 of each link's secret is kept, with
 * when it stops working and when it was used (a link works once).
 */
export const officeSignInLinks = pgTable(
  "office_sign_in_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("office_sign_in_links_expires").on(t.expiresAt)],
)

/** Signed-in office sessions: the SHA-256 of the cookie's id, and the session's CSRF token. */
export const officeSessions = pgTable(
  "office_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    personId: text("person_id")
      .$type<PersonId>()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("office_sessions_expires").on(t.expiresAt)],
)
