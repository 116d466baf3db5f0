import {
  Bridge,
  Channel,
  DeliveryId,
  DeliveryState,
  PersonId,
  PlannedDelivery,
  ReceiptKind,
  RegionId,
  UnreachableRegion,
  UpdateId,
} from "@spridning/core"
import { Schema } from "effect"
import { PageQuery } from "../http/pagination.js"

/** `2026-03-14` or `2026-03-14T09:00:00Z` (with an offset if wanted). */
export const IsoInstant = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) =>
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      { message: "must be a date or a date and time such as 2026-03-14 or 2026-03-14T09:00:00Z" },
    ),
  ),
)

/** One delivery as the network office follows it: who, where, how far it got, what readers did. */
export const OfficeDelivery = Schema.Struct({
  id: DeliveryId,
  updateId: UpdateId,
  updateTitle: Schema.String,
  personId: PersonId,
  personName: Schema.String,
  regionId: RegionId,
  regionName: Schema.String,
  channel: Channel,
  state: DeliveryState,
  /** Sending attempts so far; a retry by the office keeps them. */
  attempts: Schema.Int,
  nextAttemptAt: Schema.String,
  lastError: Schema.optionalKey(Schema.String),
  /** The bridge it went through, when the region has nobody in the group. */
  bridge: Schema.optionalKey(Bridge),
  sentAt: Schema.optionalKey(Schema.String),
  createdAt: Schema.String,
  /** Times it was sent again after being uncertain with no evidence it arrived. */
  resends: Schema.Int,
  /** On a replacement: the delivery (on a channel that is not configured) it stands in for. */
  reroutedFrom: Schema.optionalKey(DeliveryId),
  receipts: Schema.Array(Schema.Struct({ kind: ReceiptKind, at: Schema.String })),
}).annotate({ identifier: "OfficeDelivery" })
export type OfficeDelivery = typeof OfficeDelivery.Type

export const DeliveriesQuery = Schema.Struct({
  ...PageQuery,
  state: Schema.optionalKey(DeliveryState),
})

/** The plan as it was at publish: names as they were then, however the network changed since. */
export const StoredPlanView = Schema.Struct({
  updateId: UpdateId,
  plannedAt: Schema.String,
  /** Core's planned deliveries, each with its outbox id and the names as at publish. */
  deliveries: Schema.Array(
    Schema.Struct({
      ...PlannedDelivery.fields,
      deliveryId: DeliveryId,
      personName: Schema.String,
      regionName: Schema.String,
      /** Not sent on its own channel: this delivery replaced it (the same recipient, not one more). */
      reroutedTo: Schema.optionalKey(Schema.Struct({ deliveryId: DeliveryId, channel: Channel })),
    }),
  ),
  unreachableRegions: Schema.Array(Schema.Struct({ ...UnreachableRegion.fields, regionName: Schema.String })),
  /** People who would have been reached but opted out, or chose no channel. */
  skipped: Schema.Array(
    Schema.Struct({
      personId: PersonId,
      personName: Schema.String,
      reason: Schema.Literals(["optedOutOfAll", "optedOutOfThemeGroup", "noChannel"]),
    }),
  ),
  passOnLine: Schema.Struct({ sv: Schema.String, en: Schema.String }),
}).annotate({ identifier: "StoredPlan" })
export type StoredPlanView = typeof StoredPlanView.Type

export const Suppression = Schema.Struct({
  email: Schema.String,
  reason: Schema.Literals(["bounce", "spamReport", "unsubscribe", "invalid", "manual"]),
  createdAt: Schema.String,
}).annotate({ identifier: "Suppression" })
export type Suppression = typeof Suppression.Type

export const AuditEntryView = Schema.Struct({
  id: Schema.Int,
  /** `token:<id>` for API tokens; other writers name themselves (`import`, `slack:<user>`). */
  actor: Schema.String,
  at: Schema.String,
  action: Schema.String,
  entity: Schema.String,
  entityId: Schema.String,
  before: Schema.Unknown,
  after: Schema.Unknown,
}).annotate({ identifier: "AuditEntry" })
export type AuditEntryView = typeof AuditEntryView.Type

export const AuditQuery = Schema.Struct({
  ...PageQuery,
  entity: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isNonEmpty()))),
  entityId: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isNonEmpty()))),
  actor: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isNonEmpty()))),
  /** Entries at or after this time. */
  from: Schema.optionalKey(IsoInstant),
  /** Entries before this time. */
  to: Schema.optionalKey(IsoInstant),
})
export type AuditQuery = typeof AuditQuery.Type
