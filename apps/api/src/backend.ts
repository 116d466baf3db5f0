import {
  type Audience,
  Channel,
  type CountedDelivery,
  DeliveryId,
  DeliveryState,
  type DisseminationPlan,
  type Follow,
  type FunnelDelivery,
  type HealthcareRegion,
  type Network,
  type OrgUnit,
  type Person,
  PersonId,
  type Preferences,
  type Receipt,
  type Region,
  type RegionalBody,
  RegionId,
  type ReportingRule,
  type RoleAssignment,
  type StoreError,
  type ThemeGroup,
  ThemeGroupId,
  UpdateId,
  type UpdateKind,
} from "@spridning/core"
import { type Effect, Schema } from "effect"
import { ApiRole, type Caller } from "./auth/caller.js"
import type {
  AuditEntryView,
  AuditQuery,
  OfficeDelivery,
  StoredPlanView,
  Suppression,
} from "./deliveries/delivery-schemas.js"
import type { UpdateRequest, UpdateView } from "./dissemination/update-schemas.js"
import type { IdempotencyStore } from "./http/idempotency.js"
import type { PageOf } from "./http/pagination.js"

/** The organisation's records the API creates and updates one at a time. */
export interface OrganisationRecords {
  readonly healthcareRegion: HealthcareRegion
  readonly region: Region
  readonly orgUnit: OrgUnit
  readonly themeGroup: ThemeGroup
  readonly person: Person
  readonly roleAssignment: RoleAssignment
  readonly regionalBody: RegionalBody
  readonly reportingRule: ReportingRule
}
export type OrganisationEntity = keyof OrganisationRecords

export const NewToken = Schema.Struct({
  role: ApiRole,
  name: Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
  regionId: Schema.optionalKey(RegionId),
  themeGroupId: Schema.optionalKey(ThemeGroupId),
})
export type NewToken = typeof NewToken.Type

export const TokenInfo = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  role: ApiRole,
  regionId: Schema.optionalKey(RegionId),
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  createdAt: Schema.String,
  revokedAt: Schema.optionalKey(Schema.String),
})
export type TokenInfo = typeof TokenInfo.Type

/** A failure storage reports for a write: a typed domain error (Duplicate, NotFound, …) or StoreError. */
export type WriteError = StoreError | { readonly _tag: string }

/**
 * What the API needs from storage. Every write records `actor` (the token's identity) in the
 * audit log in the same transaction as the change.
 */
export interface ApiBackend {
  readonly loadNetwork: Effect.Effect<Network, StoreError>
  readonly organisation: {
    readonly create: <K extends OrganisationEntity>(
      actor: Caller,
      entity: K,
      record: OrganisationRecords[K],
    ) => Effect.Effect<void, WriteError>
    readonly update: <K extends OrganisationEntity>(
      actor: Caller,
      entity: K,
      record: OrganisationRecords[K],
    ) => Effect.Effect<void, WriteError>
    /** Deletes one record; a person is anonymised rather than erased (their history stays counted). */
    readonly remove: (
      actor: Caller,
      entity: OrganisationEntity,
      id: string,
    ) => Effect.Effect<void, WriteError>
    readonly setFollow: (actor: Caller, follow: Follow) => Effect.Effect<void, WriteError>
    readonly removeFollow: (
      actor: Caller,
      personId: PersonId,
      themeGroupId: ThemeGroupId,
    ) => Effect.Effect<void, WriteError>
    readonly setPreferences: (
      actor: Caller,
      personId: PersonId,
      preferences: Preferences,
    ) => Effect.Effect<void, WriteError>
    /** Merges `from` into `into` as core's `mergeThemeGroups` decides, all or nothing. */
    readonly mergeThemeGroups: (
      actor: Caller,
      from: ThemeGroupId,
      into: ThemeGroupId,
    ) => Effect.Effect<{ readonly roles: number; readonly follows: number }, WriteError>
  }
  readonly tokens: {
    readonly verify: (secret: string) => Promise<Caller | undefined>
    /** The secret is returned once and stored only as a hash. */
    readonly create: (
      actor: Caller,
      request: NewToken,
    ) => Effect.Effect<{ readonly token: TokenInfo; readonly secret: string }, WriteError>
    readonly list: Effect.Effect<ReadonlyArray<TokenInfo>, StoreError>
    readonly revoke: (actor: Caller, id: string) => Effect.Effect<void, WriteError>
    /** Calls `listener` when any instance revokes a token; returns the unsubscribe. */
    readonly watchRevocations?: (listener: () => void) => Promise<() => Promise<void>>
  }
  /**
   * Request counters shared by every instance (PostgreSQL). Absent: each process counts for
   * itself, which is right for embedded PGlite (one process) and fastest.
   */
  readonly sharedRateLimit?: SharedCounter
  readonly updates: {
    /** Stored as a draft: nothing is sent. */
    readonly createDraft: (actor: Caller, update: UpdateToStore) => Effect.Effect<UpdateView, WriteError>
    /** The update, all its deliveries and the audit record, in one transaction. */
    readonly publish: (
      actor: Caller,
      update: UpdateToStore,
      plan: DisseminationPlan,
    ) => Effect.Effect<PublishResult, WriteError>
    readonly publishDraft: (
      actor: Caller,
      id: UpdateId,
      plan: DisseminationPlan,
    ) => Effect.Effect<PublishResult, WriteError>
    readonly get: (id: string) => Effect.Effect<UpdateView, WriteError>
    readonly list: (query: UpdateQuery) => Effect.Effect<PageOf<UpdateView>, WriteError>
    readonly proposals: (roundId: string) => Effect.Effect<ReadonlyArray<ProposalView>, WriteError>
    readonly submitProposal: (
      actor: Caller,
      proposal: {
        readonly roundId: string
        readonly regionId: RegionId
        readonly submittedBy?: PersonId
        readonly text: string
      },
    ) => Effect.Effect<ProposalView, WriteError>
    readonly answerProposal: (
      actor: Caller,
      id: string,
      answer: ProposalAnswer,
    ) => Effect.Effect<ProposalView, WriteError>
  }
  /** Content that changes after it is written (see @spridning/db's `ContentChanges`). */
  readonly changes: {
    readonly proposal: (id: string) => Effect.Effect<ProposalView, WriteError>
    readonly setRoundDeadline: (
      actor: Caller,
      roundId: UpdateId,
      deadline: Date,
    ) => Effect.Effect<UpdateView, WriteError>
    /** Stores the answer and publishes it to the proposing region in one transaction. */
    readonly answerProposal: (
      actor: Caller,
      proposalId: string,
      answer: ProposalAnswer,
      update: {
        readonly id: UpdateId
        readonly title: string
        readonly themeGroupId?: ThemeGroupId
        readonly audience: Audience
      },
      plan: DisseminationPlan,
    ) => Effect.Effect<{ readonly proposal: ProposalView; readonly deliveries: number }, WriteError>
    readonly changeDigitalHour: (
      actor: Caller,
      id: UpdateId,
      change:
        | {
            readonly _tag: "Move"
            readonly startsAt: Date
            readonly endsAt: Date
            readonly location?: string
            readonly url?: string
          }
        | { readonly _tag: "Cancel" },
    ) => Effect.Effect<{ readonly update: UpdateView; readonly resent: number }, WriteError>
    readonly editDraft: (actor: Caller, update: UpdateToStore) => Effect.Effect<UpdateView, WriteError>
    readonly deleteDraft: (actor: Caller, id: UpdateId) => Effect.Effect<void, WriteError>
    readonly correctNotes: (
      actor: Caller,
      id: UpdateId,
      correction: { readonly note: string; readonly title?: string; readonly body?: string },
    ) => Effect.Effect<{ readonly update: UpdateView; readonly resent: number }, WriteError>
    /** Asks the mail schedule to send one region's briefing now. */
    readonly requestBriefing: (
      actor: Caller,
      regionId: RegionId,
    ) => Effect.Effect<
      { readonly id: string; readonly regionId: RegionId; readonly requestedAt: string },
      WriteError
    >
    readonly setWorkListStatus: (
      actor: Caller,
      id: UpdateId,
      status: "planned" | "ongoing" | "done",
      publish: boolean,
    ) => Effect.Effect<{ readonly update: UpdateView; readonly resent: number }, WriteError>
  }
  readonly reach: {
    readonly delivery: (id: string) => Effect.Effect<DeliveryView, WriteError>
    /** Every delivery of an update with its receipts, for the reach funnel. */
    readonly ofUpdate: (
      updateId: string,
    ) => Effect.Effect<
      { readonly deliveries: ReadonlyArray<DeliveryView>; readonly receipts: ReadonlyArray<Receipt> },
      WriteError
    >
    readonly recordReceipt: (actor: Caller, receipt: Receipt) => Effect.Effect<Receipt, WriteError>
    readonly receipts: (query: ReceiptQuery) => Effect.Effect<PageOf<Receipt>, WriteError>
  }
  /** What the network office sees of deliveries, and its levers on them. */
  readonly office: {
    /** The plan stored at publish; `NotFound` for drafts. */
    readonly plan: (updateId: UpdateId) => Effect.Effect<StoredPlanView, WriteError>
    readonly deliveriesOfUpdate: (
      updateId: UpdateId,
      query: DeliveryListQuery,
    ) => Effect.Effect<PageOf<OfficeDelivery>, WriteError>
    readonly deliveries: (query: DeliveryListQuery) => Effect.Effect<PageOf<OfficeDelivery>, WriteError>
    /** A dead or failed delivery, due again now (audited); a conflict for any other state. */
    readonly retry: (actor: Caller, id: string) => Effect.Effect<OfficeDelivery, WriteError>
    readonly funnelOfUpdate: (updateId: UpdateId) => Effect.Effect<FunnelInput, WriteError>
    /** Deliveries to a region of updates published at or after `since`. */
    readonly funnelOfRegion: (regionId: RegionId, since: Date) => Effect.Effect<FunnelInput, WriteError>
    readonly suppressions: (query: {
      readonly cursor?: string
      readonly limit?: number
    }) => Effect.Effect<PageOf<Suppression>, WriteError>
    /** Returns whether the address was suppressed; the removal is audited. */
    readonly releaseSuppression: (actor: Caller, email: string) => Effect.Effect<boolean, WriteError>
    readonly audit: (query: AuditQuery) => Effect.Effect<PageOf<AuditEntryView>, WriteError>
  }
  readonly idempotency: IdempotencyStore
  /** Which Slack channel a theme group's announcements go to (`chat:write.public`). */
  readonly slackChannels: {
    readonly get: (themeGroupId: ThemeGroupId) => Effect.Effect<SlackChannelLink | undefined, StoreError>
    readonly set: (actor: Caller, link: SlackChannelLink) => Effect.Effect<void, WriteError>
    /** Says whether a channel was linked. */
    readonly clear: (actor: Caller, themeGroupId: ThemeGroupId) => Effect.Effect<boolean, WriteError>
  }
}

export interface SharedCounter {
  readonly hit: (
    key: string,
    windowMillis: number,
  ) => Promise<{ readonly hits: number; readonly resetAt: Date }>
  readonly unhit: (key: string) => Promise<void>
  readonly reset: (key: string) => Promise<void>
}

export interface SlackChannelLink {
  readonly themeGroupId: ThemeGroupId
  readonly teamId: string
  readonly channelId: string
}

export interface DeliveryListQuery {
  readonly state?: DeliveryState
  readonly cursor?: string
  readonly limit?: number
}

/** What core's funnel counts: every delivery and every receipt. */
export interface FunnelInput {
  readonly deliveries: ReadonlyArray<FunnelDelivery & CountedDelivery>
  readonly receipts: ReadonlyArray<Receipt>
}

export const DeliveryView = Schema.Struct({
  id: DeliveryId,
  updateId: UpdateId,
  personId: PersonId,
  regionId: RegionId,
  channel: Channel,
  state: DeliveryState,
})
export type DeliveryView = typeof DeliveryView.Type

export interface ReceiptQuery {
  readonly deliveryId?: string
  readonly updateId?: string
  readonly cursor?: string
  readonly limit?: number
}

export type UpdateToStore = UpdateRequest & { readonly id: UpdateId; readonly body: string }

export interface UpdateQuery {
  readonly kind?: UpdateKind
  readonly themeGroupId?: string
  /** Updates of any of these groups (a group's lineage). */
  readonly themeGroupIds?: ReadonlyArray<string>
  readonly published?: boolean
  readonly tag?: string
  /** Good examples carrying every one of these tags, in any letter case. */
  readonly tags?: ReadonlyArray<string>
  /** Swedish full-text search over title and text. */
  readonly q?: string
  readonly cursor?: string
  readonly limit?: number
}

export interface PublishResult {
  readonly update: UpdateView
  /** Deliveries written to the outbox, including those held back as suppressed. */
  readonly deliveries: number
  readonly suppressed: number
}

export const ProposalAnswer = Schema.Struct({
  status: Schema.Literals(["accepted", "merged", "declined"]),
  /** Why it was declined, or what it was merged with. */
  reason: Schema.optionalKey(
    Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
  ),
})
export type ProposalAnswer = typeof ProposalAnswer.Type

export const ProposalView = Schema.Struct({
  id: Schema.String,
  roundId: Schema.String,
  regionId: RegionId,
  submittedBy: Schema.optionalKey(PersonId),
  text: Schema.String,
  submittedAt: Schema.String,
  status: Schema.Literals(["open", "accepted", "merged", "declined"]),
  reason: Schema.optionalKey(Schema.String),
  answeredAt: Schema.optionalKey(Schema.String),
}).annotate({ identifier: "Proposal" })
export type ProposalView = typeof ProposalView.Type
