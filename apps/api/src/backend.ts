import {
  Channel,
  DeliveryId,
  DeliveryState,
  type DisseminationPlan,
  type Follow,
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
  }
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
  readonly idempotency: IdempotencyStore
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
