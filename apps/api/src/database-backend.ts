import {
  type DeliveryId,
  NetworkStore,
  NotFound,
  type PersonId,
  type Receipt,
  type RegionId,
  type ThemeGroupId,
  type UpdateId,
} from "@spridning/core"
import {
  type ApiToken,
  ApiTokens,
  AuditLog,
  Database,
  IdempotencyKeys,
  Organisation,
  Outbox,
  type Proposal,
  Receipts,
  SharedLimits,
  SlackLinks,
  type StoredDelivery,
  type StoredUpdate,
  type UpdateDetails as StoredUpdateDetails,
  Updates,
} from "@spridning/db"
import { Effect } from "effect"
import type { Caller } from "./auth/caller.js"
import type {
  ApiBackend,
  DeliveryView,
  OrganisationEntity,
  OrganisationRecords,
  ProposalView,
  TokenInfo,
  UpdateToStore,
  WriteError,
} from "./backend.js"
import type { UpdateView } from "./dissemination/update-schemas.js"
import { paginate } from "./http/pagination.js"

/** Deliveries are keyed by UUID in storage; any other id names no delivery. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How the audit log names a token: `token:<id>`. */
export const actorOf = (caller: Caller): string => `token:${caller.tokenId}`

const callerOf = (token: ApiToken): Caller => ({
  tokenId: token.id,
  name: token.name,
  role: token.role,
  ...(token.regionId === undefined ? {} : { regionId: token.regionId as RegionId }),
  ...(token.themeGroupId === undefined ? {} : { themeGroupId: token.themeGroupId as ThemeGroupId }),
})

const tokenInfo = (token: ApiToken): TokenInfo => ({
  ...callerOf(token),
  id: token.id,
  createdAt: token.createdAt.toISOString(),
  ...(token.revokedAt === undefined ? {} : { revokedAt: token.revokedAt.toISOString() }),
})

const toStoredDetails = (details: UpdateToStore["details"]): StoredUpdateDetails => {
  switch (details.kind) {
    case "digitalHour":
      return { ...details, startsAt: new Date(details.startsAt), endsAt: new Date(details.endsAt) }
    case "proposalRound":
      return { ...details, deadline: new Date(details.deadline) }
    default:
      return details
  }
}

const toViewDetails = (details: StoredUpdateDetails): UpdateView["details"] => {
  switch (details.kind) {
    case "digitalHour":
      return { ...details, startsAt: details.startsAt.toISOString(), endsAt: details.endsAt.toISOString() }
    case "proposalRound":
      return { ...details, deadline: details.deadline.toISOString() }
    case "goodExample": {
      const { regionId, ...rest } = details
      return { ...rest, ...(regionId === undefined ? {} : { regionId: regionId as RegionId }) }
    }
    case "briefing":
      return { ...details, regionId: details.regionId as RegionId }
    default:
      return details
  }
}

/** Storage speaks plain strings and Dates; the API speaks branded ids and ISO strings. */
const updateView = (update: StoredUpdate): UpdateView => ({
  id: update.id as UpdateId,
  kind: update.kind,
  title: update.title,
  body: update.body,
  audience: update.audience,
  details: toViewDetails(update.details),
  createdBy: update.createdBy,
  createdAt: update.createdAt.toISOString(),
  ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId as ThemeGroupId }),
  ...(update.publishedAt === undefined ? {} : { publishedAt: update.publishedAt.toISOString() }),
  ...(update.passOnLine === undefined ? {} : { passOnLine: update.passOnLine }),
})

const proposalView = (proposal: Proposal): ProposalView => ({
  id: proposal.id,
  roundId: proposal.roundId,
  regionId: proposal.regionId as RegionId,
  text: proposal.text,
  submittedAt: proposal.submittedAt.toISOString(),
  status: proposal.status,
  ...(proposal.submittedBy === undefined ? {} : { submittedBy: proposal.submittedBy as PersonId }),
  ...(proposal.reason === undefined ? {} : { reason: proposal.reason }),
  ...(proposal.answeredAt === undefined ? {} : { answeredAt: proposal.answeredAt.toISOString() }),
})

const deliveryView = (delivery: StoredDelivery): DeliveryView => ({
  id: delivery.id as DeliveryId,
  updateId: delivery.updateId as UpdateId,
  personId: delivery.personId as PersonId,
  regionId: delivery.regionId as RegionId,
  channel: delivery.channel,
  state: delivery.state,
})

const toNewUpdate = (update: UpdateToStore) => ({
  id: update.id,
  title: update.title,
  body: update.body,
  audience: update.audience,
  details: toStoredDetails(update.details),
  ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
})

/**
 * The API's storage port over @spridning/db's repositories. Build it inside a runtime that
 * provides `layerRepositories`; every call runs in that context.
 */
export const makeDatabaseBackend = Effect.gen(function* () {
  const networkStore = yield* NetworkStore
  const organisation = yield* Organisation
  const updates = yield* Updates
  const outbox = yield* Outbox
  const receipts = yield* Receipts
  const tokens = yield* ApiTokens
  const idempotencyKeys = yield* IdempotencyKeys
  const auditLog = yield* AuditLog
  const slackLinks = yield* SlackLinks
  const sharedLimits = yield* SharedLimits
  const { driver } = yield* Database

  // Each entity's store, typed by the entity it keeps.
  const storeOf = <K extends OrganisationEntity>(entity: K) => {
    const stores = {
      healthcareRegion: organisation.healthcareRegions,
      region: organisation.regions,
      orgUnit: organisation.orgUnits,
      themeGroup: organisation.themeGroups,
      person: organisation.people,
      roleAssignment: organisation.roles,
      regionalBody: organisation.regionalBodies,
      reportingRule: organisation.reportingRules,
    }
    return stores[entity] as unknown as {
      readonly create: (value: OrganisationRecords[K], actor: string) => Effect.Effect<unknown, WriteError>
      readonly update: (
        id: string,
        change: (current: OrganisationRecords[K]) => OrganisationRecords[K],
        actor: string,
      ) => Effect.Effect<unknown, WriteError>
      readonly remove: (id: string, actor: string) => Effect.Effect<void, WriteError>
    }
  }

  const backend: ApiBackend = {
    loadNetwork: networkStore.load,
    organisation: {
      create: (actor, entity, record) => storeOf(entity).create(record, actorOf(actor)).pipe(Effect.asVoid),
      update: (actor, entity, record) =>
        storeOf(entity)
          .update(record.id, () => record, actorOf(actor))
          .pipe(Effect.asVoid),
      setFollow: (actor, follow) => organisation.follows.follow(follow, actorOf(actor)).pipe(Effect.asVoid),
      removeFollow: (actor, personId, themeGroupId) =>
        organisation.follows
          .unfollow(personId, themeGroupId, actorOf(actor))
          .pipe(
            Effect.flatMap((removed) =>
              removed
                ? Effect.void
                : Effect.fail(new NotFound({ entity: "person", id: `${personId} follows ${themeGroupId}` })),
            ),
          ),
      setPreferences: (actor, personId, preferences) =>
        organisation.people
          .update(personId, (person) => ({ ...person, preferences }), actorOf(actor))
          .pipe(Effect.asVoid),
      // One transaction: a merge half-written would lose members or followers.
      mergeThemeGroups: (actor, from, into) => organisation.mergeThemeGroups(from, into, actorOf(actor)),
    },
    tokens: {
      verify: (secret) =>
        Effect.runPromise(
          tokens
            .verify(secret)
            .pipe(Effect.map((token) => (token === undefined ? undefined : callerOf(token)))),
        ),
      create: (actor, request) =>
        tokens
          .create(request, actorOf(actor))
          .pipe(Effect.map(({ token, apiToken }) => ({ token: tokenInfo(apiToken), secret: token }))),
      list: tokens.list().pipe(Effect.map((all) => all.map(tokenInfo))),
      revoke: (actor, id) => tokens.revoke(id, actorOf(actor)).pipe(Effect.asVoid),
      watchRevocations: tokens.watchRevocations,
    },
    updates: {
      createDraft: (actor, update) =>
        updates.createDraft(toNewUpdate(update), actorOf(actor)).pipe(Effect.map(updateView)),
      publish: (actor, update, plan) =>
        updates
          .publish(toNewUpdate(update), plan, actorOf(actor))
          .pipe(Effect.map((result) => ({ ...result, update: updateView(result.update) }))),
      publishDraft: (actor, id, plan) =>
        updates
          .publishDraft(id, plan, actorOf(actor))
          .pipe(Effect.map((result) => ({ ...result, update: updateView(result.update) }))),
      get: (id) => updates.get(id).pipe(Effect.map(updateView)),
      list: ({ cursor, limit, ...filter }) =>
        updates
          .list({
            filter,
            ...(cursor === undefined ? {} : { cursor }),
            ...(limit === undefined ? {} : { limit }),
          })
          .pipe(
            Effect.map((page) => ({
              items: page.items.map(updateView),
              ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
            })),
          ),
      proposals: (roundId) => updates.proposals(roundId).pipe(Effect.map((all) => all.map(proposalView))),
      submitProposal: (actor, proposal) =>
        updates.submitProposal(proposal, actorOf(actor)).pipe(Effect.map(proposalView)),
      answerProposal: (actor, id, answer) =>
        updates.answerProposal(id, answer, actorOf(actor)).pipe(Effect.map(proposalView)),
    },
    reach: {
      delivery: (id) =>
        uuid.test(id)
          ? outbox.get(id).pipe(Effect.map(deliveryView))
          : Effect.fail(new NotFound({ entity: "delivery", id })),
      ofUpdate: (updateId) =>
        Effect.all({
          deliveries: outbox.forUpdate(updateId).pipe(Effect.map((all) => all.map(deliveryView))),
          receipts: receipts.forUpdate(updateId),
        }),
      recordReceipt: (actor, receipt) =>
        receipts
          .record({
            deliveryId: receipt.deliveryId,
            kind: receipt.kind,
            ...(receipt.personId === undefined ? {} : { personId: receipt.personId }),
          })
          .pipe(
            // Receipts are stored without an actor; through the API the token's identity is recorded too.
            Effect.tap((isNew) =>
              isNew
                ? auditLog.record({
                    actor: actorOf(actor),
                    action: "record",
                    entity: "receipt",
                    entityId: receipt.deliveryId,
                    after: receipt,
                  })
                : Effect.void,
            ),
            Effect.as(receipt),
          ),
      receipts: ({ deliveryId, updateId, cursor, limit }) =>
        (deliveryId !== undefined
          ? uuid.test(deliveryId)
            ? receipts.forDeliveries([deliveryId])
            : Effect.succeed<ReadonlyArray<Receipt>>([])
          : updateId !== undefined
            ? receipts.forUpdate(updateId)
            : Effect.succeed<ReadonlyArray<Receipt>>([])
        ).pipe(
          Effect.map((all) =>
            paginate(
              all.filter((r) => deliveryId === undefined || r.deliveryId === deliveryId),
              (r) => `${r.at}\u0000${r.deliveryId}\u0000${r.kind}`,
              { ...(cursor === undefined ? {} : { cursor }), ...(limit === undefined ? {} : { limit }) },
            ),
          ),
        ),
    },
    idempotency: {
      begin: (tokenId, key, hash) => Effect.runPromise(idempotencyKeys.begin(tokenId, key, hash)),
      complete: (tokenId, key, status, body) =>
        Effect.runPromise(idempotencyKeys.complete(tokenId, key, status, body)),
      abandon: (tokenId, key) => Effect.runPromise(idempotencyKeys.abandon(tokenId, key)),
    },
    ...(driver === "postgres"
      ? {
          sharedRateLimit: {
            hit: (key, windowMillis) => Effect.runPromise(sharedLimits.hit(key, windowMillis)),
            unhit: (key) => Effect.runPromise(sharedLimits.unhit(key)),
            reset: (key) => Effect.runPromise(sharedLimits.reset(key)),
          },
        }
      : {}),
    slackChannels: {
      get: (themeGroupId) =>
        slackLinks
          .themeGroupChannel(themeGroupId)
          .pipe(Effect.map((link) => (link === undefined ? undefined : { themeGroupId, ...link }))),
      set: (actor, link) => slackLinks.setThemeGroupChannel(link, actorOf(actor)),
      clear: (actor, themeGroupId) => slackLinks.clearThemeGroupChannel(themeGroupId, actorOf(actor)),
    },
  }
  return backend
})
