import {
  DeliveryId,
  DeliveryState,
  NetworkStore,
  NotFound,
  PersonId,
  Receipt,
  RegionId,
  type ThemeGroupId,
  UpdateId,
} from "@spridning/core"
import {
  type ApiToken,
  ApiTokens,
  AuditLog,
  BriefingRequests,
  ContentChanges,
  Database,
  DeliveryQueries,
  type DeliveryRecord,
  IdempotencyKeys,
  Organisation,
  Outbox,
  type Proposal,
  Receipts,
  SharedLimits,
  SlackLinks,
  type StoredDelivery,
  StoredPlans,
  type StoredUpdate,
  type UpdateDetails as StoredUpdateDetails,
  Suppressions,
  Updates,
} from "@spridning/db"
import { Effect, Schema } from "effect"
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
import { AuditEntryView, OfficeDelivery, StoredPlanView, Suppression } from "./deliveries/delivery-schemas.js"
import type { UpdateView } from "./dissemination/update-schemas.js"
import { notFound } from "./http/api-problem.js"
import { Page, paginate } from "./http/pagination.js"

/** Deliveries are keyed by UUID in storage; any other id names no delivery. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How the audit log names a token: `token:<id>`. */
export const actorOf = (caller: Caller): string => `token:${caller.tokenId}`

const callerOf = (token: ApiToken): Caller => ({
  tokenId: token.id,
  name: token.name,
  role: token.role,
  ...(token.regionId === undefined ? {} : { regionId: token.regionId }),
  ...(token.themeGroupId === undefined ? {} : { themeGroupId: token.themeGroupId }),
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
    case "digitalHour": {
      const { cancelledAt, ...rest } = details
      return {
        ...rest,
        startsAt: details.startsAt.toISOString(),
        endsAt: details.endsAt.toISOString(),
        ...(cancelledAt === undefined ? {} : { cancelledAt: cancelledAt.toISOString() }),
      }
    }
    case "proposalRound":
      return { ...details, deadline: details.deadline.toISOString() }
    case "meetingNotes": {
      const { correction, ...rest } = details
      return {
        ...rest,
        ...(correction === undefined
          ? {}
          : { correction: { note: correction.note, at: correction.at.toISOString() } }),
      }
    }
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
  regionId: proposal.regionId,
  text: proposal.text,
  submittedAt: proposal.submittedAt.toISOString(),
  status: proposal.status,
  ...(proposal.submittedBy === undefined ? {} : { submittedBy: proposal.submittedBy }),
  ...(proposal.reason === undefined ? {} : { reason: proposal.reason }),
  ...(proposal.answeredAt === undefined ? {} : { answeredAt: proposal.answeredAt.toISOString() }),
})

const deliveryView = (delivery: StoredDelivery): DeliveryView => ({
  id: delivery.id,
  updateId: delivery.updateId,
  personId: delivery.personId,
  regionId: delivery.regionId,
  channel: delivery.channel,
  state: delivery.state,
})

/** What storage hands back is decoded into the API's branded shapes; a mismatch is a defect, not bad input. */
const decodeStored =
  <S extends Schema.Decoder<unknown>>(schema: S) =>
  (value: unknown): Effect.Effect<S["Type"]> =>
    Schema.decodeUnknownEffect(schema)(value).pipe(Effect.orDie)

const officeRecord = (record: DeliveryRecord) => ({
  ...record,
  nextAttemptAt: record.nextAttemptAt.toISOString(),
  createdAt: record.createdAt.toISOString(),
  ...(record.sentAt === undefined ? {} : { sentAt: record.sentAt.toISOString() }),
  receipts: record.receipts.map((receipt) => ({ kind: receipt.kind, at: receipt.at.toISOString() })),
})
const decodeDelivery = decodeStored(OfficeDelivery)
const officePage = (page: { readonly items: ReadonlyArray<DeliveryRecord>; readonly nextCursor?: string }) =>
  decodeStored(Page(OfficeDelivery))({ ...page, items: page.items.map(officeRecord) })

const FunnelInputSchema = Schema.Struct({
  deliveries: Schema.Array(
    Schema.Struct({
      id: DeliveryId,
      updateId: UpdateId,
      personId: PersonId,
      publishedBy: Schema.String,
      regionId: RegionId,
      state: DeliveryState,
      resends: Schema.Int,
    }),
  ),
  receipts: Schema.Array(Receipt),
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
  const changes = yield* ContentChanges
  const briefingRequests = yield* BriefingRequests
  const outbox = yield* Outbox
  const receipts = yield* Receipts
  const tokens = yield* ApiTokens
  const idempotencyKeys = yield* IdempotencyKeys
  const auditLog = yield* AuditLog
  const storedPlans = yield* StoredPlans
  const deliveryQueries = yield* DeliveryQueries
  const suppressions = yield* Suppressions
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
      remove: (actor, entity, id) => storeOf(entity).remove(id, actorOf(actor)),
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
    changes: {
      proposal: (id) => changes.proposal(id).pipe(Effect.map(proposalView)),
      setRoundDeadline: (actor, roundId, deadline) =>
        changes.setRoundDeadline(roundId, deadline, actorOf(actor)).pipe(Effect.map(updateView)),
      answerProposal: (actor, proposalId, answer, update, plan) =>
        changes
          .answerProposal(
            proposalId,
            answer,
            {
              id: update.id,
              title: update.title,
              body: "",
              audience: update.audience,
              ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
            },
            plan,
            actorOf(actor),
          )
          .pipe(
            Effect.map(({ proposal, published }) => ({
              proposal: proposalView(proposal),
              deliveries: published.deliveries,
            })),
          ),
      changeDigitalHour: (actor, id, change) =>
        changes
          .changeDigitalHour(
            id,
            change._tag === "Cancel" ? change : { _tag: "Move", times: change },
            actorOf(actor),
          )
          .pipe(Effect.map(({ update, resent }) => ({ update: updateView(update), resent }))),
      editDraft: (actor, update) =>
        changes.editDraft(update.id, toNewUpdate(update), actorOf(actor)).pipe(Effect.map(updateView)),
      deleteDraft: (actor, id) => changes.deleteDraft(id, actorOf(actor)),
      correctNotes: (actor, id, correction) =>
        changes
          .correctNotes(id, correction, actorOf(actor))
          .pipe(Effect.map(({ update, resent }) => ({ update: updateView(update), resent }))),
      requestBriefing: (actor, regionId) =>
        briefingRequests.request(regionId, actorOf(actor)).pipe(
          Effect.map((request) => ({
            id: request.id,
            regionId,
            requestedAt: request.requestedAt.toISOString(),
          })),
        ),
      setWorkListStatus: (actor, id, status, publish) =>
        changes
          .setWorkListStatus(id, status, publish, actorOf(actor))
          .pipe(Effect.map(({ update, resent }) => ({ update: updateView(update), resent }))),
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
    office: {
      plan: (updateId) =>
        updates.get(updateId).pipe(
          Effect.flatMap((update) =>
            update.publishedAt === undefined
              ? Effect.fail(notFound(`Update "${updateId}" is a draft: it has a plan once it is published.`))
              : storedPlans
                  .get(updateId)
                  .pipe(
                    Effect.catchTag("NotFound", () =>
                      Effect.fail(
                        notFound(
                          `Update "${updateId}" was published before plans were kept; its plan was not stored.`,
                        ),
                      ),
                    ),
                  ),
          ),
          Effect.map((plan) => ({ ...plan, plannedAt: plan.plannedAt.toISOString() })),
          Effect.flatMap(decodeStored(StoredPlanView)),
        ),
      deliveriesOfUpdate: (updateId, query) =>
        updates.get(updateId).pipe(
          Effect.flatMap(() => deliveryQueries.ofUpdate(updateId, query)),
          Effect.flatMap(officePage),
        ),
      deliveries: (query) => deliveryQueries.list(query).pipe(Effect.flatMap(officePage)),
      retry: (actor, id) =>
        deliveryQueries
          .retry(id, actorOf(actor))
          .pipe(Effect.map(officeRecord), Effect.flatMap(decodeDelivery)),
      funnelOfUpdate: (updateId) =>
        updates.get(updateId).pipe(
          Effect.flatMap(() =>
            Effect.all({
              deliveries: deliveryQueries.funnelRowsOfUpdate(updateId),
              receipts: receipts.forUpdate(updateId),
            }),
          ),
          Effect.flatMap(decodeStored(FunnelInputSchema)),
        ),
      funnelOfRegion: (regionId, since) =>
        Effect.all({
          deliveries: deliveryQueries.funnelRowsOfRegion(regionId, since),
          receipts: deliveryQueries.receiptsOfRegion(regionId, since),
        }).pipe(Effect.flatMap(decodeStored(FunnelInputSchema))),
      suppressions: (query) =>
        suppressions.page(query).pipe(
          Effect.map((page) => ({
            ...page,
            items: page.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
          })),
          Effect.flatMap(decodeStored(Page(Suppression))),
        ),
      releaseSuppression: (actor, email) => suppressions.release(email, actorOf(actor)),
      audit: ({ from, to, ...query }) =>
        auditLog
          .page({
            ...query,
            ...(from === undefined ? {} : { from: new Date(from) }),
            ...(to === undefined ? {} : { to: new Date(to) }),
          })
          .pipe(
            Effect.map((page) => ({
              ...page,
              items: page.items.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
            })),
            Effect.flatMap(decodeStored(Page(AuditEntryView))),
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
          .pipe(
            Effect.map((link) =>
              link === undefined
                ? undefined
                : { themeGroupId, teamId: link.teamId, channelId: link.channelId },
            ),
          ),
      set: (actor, link) => slackLinks.setThemeGroupChannel(link, actorOf(actor)),
      clear: (actor, themeGroupId) => slackLinks.clearThemeGroupChannel(themeGroupId, actorOf(actor)),
    },
  }
  return backend
})
