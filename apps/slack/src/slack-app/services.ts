import type { NetworkStore } from "@spridning/core"
import type {
  AuditLog,
  DeliveryQueries,
  Organisation,
  Outbox,
  Receipts,
  SlackLinks,
  Updates,
} from "@spridning/db"
import type { Effect } from "effect"

/** The repositories the Slack app reads and writes; `layerRepositories` from `@spridning/db` offers them all. */
export type SlackServices =
  | NetworkStore
  | Organisation
  | Updates
  | Outbox
  | Receipts
  | SlackLinks
  | AuditLog
  | DeliveryQueries

/** Runs effects against those repositories; a `ManagedRuntime` over `layerRepositories` fits. */
export interface SpridningRuntime {
  readonly runPromise: <A, E>(effect: Effect.Effect<A, E, SlackServices>) => Promise<A>
}
