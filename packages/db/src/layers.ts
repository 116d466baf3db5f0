import type { NetworkStore } from "@spridning/core"
import { Layer } from "effect"
import {
  type ApiTokens,
  type IdempotencyKeys,
  layerApiTokens,
  layerIdempotencyKeys,
  layerSharedLimits,
  layerSlackLinks,
  type SharedLimits,
  type SlackLinks,
} from "./access/access.js"
import { layerOfficeSignIn, type OfficeSignIn } from "./access/office-sign-in.js"
import { type AuditLog, layerAuditLog } from "./audit/audit-log.js"
import type { Database } from "./database/database.js"
import { layerNetworkStore } from "./organisation/network-store.js"
import { layerOrganisation, type Organisation } from "./organisation/organisation.js"
import { type DeliveryQueries, layerDeliveryQueries } from "./outbox/delivery-queries.js"
import { layerOutbox, type Outbox } from "./outbox/outbox.js"
import {
  type DeliveryEvents,
  type DigestRuns,
  layerDeliveryEvents,
  layerDigestRuns,
  layerReceipts,
  layerSuppressions,
  type Receipts,
  type Suppressions,
} from "./outbox/tracking.js"
import { type BriefingRequests, layerBriefingRequests } from "./updates/briefing-requests.js"
import { type ContentChanges, layerContentChanges } from "./updates/changes.js"
import { layerStoredPlans, type StoredPlans } from "./updates/stored-plan.js"
import { layerUpdates, type Updates } from "./updates/updates.js"

/** Every repository this package offers. */
export type Repositories =
  | NetworkStore
  | Organisation
  | Updates
  | ContentChanges
  | BriefingRequests
  | Outbox
  | Receipts
  | Suppressions
  | DeliveryEvents
  | DigestRuns
  | AuditLog
  | ApiTokens
  | IdempotencyKeys
  | SlackLinks
  | StoredPlans
  | DeliveryQueries
  | SharedLimits
  | OfficeSignIn

/** All repositories over one `Database`; provide `layerFromConfig`, `layerPglite()` or `layerPostgres(url)`. */
export const layerRepositories: Layer.Layer<Repositories, never, Database> = Layer.mergeAll(
  layerNetworkStore,
  layerOrganisation,
  layerUpdates,
  layerContentChanges,
  layerBriefingRequests,
  layerOutbox,
  layerReceipts,
  layerSuppressions,
  layerDeliveryEvents,
  layerDigestRuns,
  layerAuditLog,
  layerApiTokens,
  layerIdempotencyKeys,
  layerSlackLinks,
  layerStoredPlans,
  layerDeliveryQueries,
  layerSharedLimits,
  layerOfficeSignIn,
)
