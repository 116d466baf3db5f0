import {
  type Bridge,
  type Channel,
  type DeliveryId,
  type InclusionReason,
  NotFound,
  type PersonId,
  type RegionId,
  type StoreError,
  UpdateId,
} from "@spridning/core"
import { and, asc, count, eq, inArray, isNull, lt, lte, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database/database.js"
import { idIs, referenceTo } from "../database/ids.js"
import { executeRows, nowOr, timestampParam } from "../database/raw.js"
import { deliveries, networkVersion, type OutboxState, slackAnnouncements } from "../schema/index.js"

export type { OutboxState } from "../schema/outbox.js"

/** A delivery as stored in the outbox, with its sending history and the claim on it. */
export interface OutboxDelivery {
  readonly id: DeliveryId
  readonly updateId: UpdateId
  readonly personId: PersonId
  readonly regionId: RegionId
  readonly channel: Channel
  readonly reasons: ReadonlyArray<InclusionReason>
  readonly bridge?: Bridge
  readonly state: OutboxState
  readonly attempts: number
  readonly nextAttemptAt: Date
  readonly leaseUntil?: Date
  readonly claimedBy?: string
  readonly lastError?: string
  readonly providerMessageId?: string
  readonly sentAt?: Date
  readonly createdAt: Date
  readonly reroutedFrom?: DeliveryId
  /** The digest period a `held` delivery waits for. */
  readonly digestPeriod?: string
  /** How often it was sent again after being `uncertain` with no evidence. */
  readonly resends: number
}

/** The earlier name of {@link OutboxDelivery}. */
export type StoredDelivery = OutboxDelivery

export interface ClaimRequest {
  /** One channel, or several (a dispatcher claims every channel it has a sender for). */
  readonly channel?: Channel
  readonly channels?: ReadonlyArray<Channel>
  /** Names the dispatcher; only it may mark what it claimed. */
  readonly workerId: string
  readonly limit: number
  /** How long the claim holds; after that the delivery becomes `uncertain`, not free. */
  readonly leaseMillis: number
  readonly now?: Date
}

export interface SentMark {
  readonly id: string
  readonly providerMessageId?: string
}

export type DeliveryCounts = Record<OutboxState, number>

export type RerouteOutcome =
  | { readonly _tag: "Rerouted"; readonly replacement: OutboxDelivery }
  /** The person already has a delivery of the update on the target channel (unique key). */
  | { readonly _tag: "TargetExists" }
  | { readonly _tag: "NotHeld" }

export class Outbox extends Context.Service<
  Outbox,
  {
    /**
     * Claims up to `limit` due deliveries: `pending`, `failed` or `held` ones whose next attempt
     * (or digest period's end) has come. Never a `sending` one whose lease ran out: that one may
     * have reached the provider and becomes `uncertain` (see `expireLeases`). Each claim counts
     * an attempt.
     */
    readonly claim: (request: ClaimRequest) => Effect.Effect<ReadonlyArray<OutboxDelivery>, StoreError>
    /**
     * Turns `sending` deliveries whose lease ran out into `uncertain`; they may be sent again
     * (`claimUncertain`) only from `now + resendAfterMillis`, when no evidence settled them.
     */
    readonly expireLeases: (input: {
      readonly now?: Date
      readonly resendAfterMillis: number
    }) => Effect.Effect<number, StoreError>
    /** Claims `uncertain` deliveries whose window passed without evidence, to check and re-send. */
    readonly claimUncertain: (
      request: ClaimRequest,
    ) => Effect.Effect<ReadonlyArray<OutboxDelivery>, StoreError>
    /** Counts a re-send of claimed deliveries that were uncertain and had no evidence. */
    readonly countResends: (workerId: string, ids: ReadonlyArray<string>) => Effect.Effect<number, StoreError>
    /**
     * Evidence from the provider (SendGrid's `processed`, `delivered`, `bounce`, `dropped`; the
     * message found in Slack) that these deliveries reached it: sent, whoever holds them.
     */
    readonly settleSent: (
      evidence: ReadonlyArray<SentMark>,
      now?: Date,
    ) => Effect.Effect<ReadonlyArray<string>, StoreError>
    /** Marks claimed deliveries sent; returns how many were still this worker's to mark. */
    readonly markSent: (
      workerId: string,
      sent: ReadonlyArray<SentMark>,
      now?: Date,
    ) => Effect.Effect<number, StoreError>
    /** A failure worth retrying: the delivery becomes due again at `retryAt`. */
    readonly markFailed: (
      workerId: string,
      id: string,
      failure: { readonly error: string; readonly retryAt: Date },
    ) => Effect.Effect<boolean, StoreError>
    /** A failed request: every delivery in it becomes due again at the same `retryAt`. */
    readonly markFailedMany: (
      workerId: string,
      ids: ReadonlyArray<string>,
      failure: { readonly error: string; readonly retryAt: Date },
    ) => Effect.Effect<number, StoreError>
    /** Waits (`held`) for its digest period to close at `until`; the claim's attempt is given back. */
    readonly hold: (
      workerId: string,
      id: string,
      wait: { readonly until: Date; readonly periodKey: string },
    ) => Effect.Effect<boolean, StoreError>
    /** The other `held` deliveries of a person's digest period on a channel, claimed to go in it. */
    readonly claimDigest: (input: {
      readonly workerId: string
      readonly personId: string
      readonly channel: Channel
      readonly periodKey: string
      readonly leaseMillis: number
      readonly now?: Date
    }) => Effect.Effect<ReadonlyArray<OutboxDelivery>, StoreError>
    /** Gave up: no more attempts. */
    readonly markDead: (workerId: string, id: string, error: string) => Effect.Effect<boolean, StoreError>
    readonly markDeadMany: (
      workerId: string,
      ids: ReadonlyArray<string>,
      error: string,
    ) => Effect.Effect<number, StoreError>
    /** Held back (e.g. the address bounced, the person opted out); never sent. */
    readonly markSuppressed: (id: string, reason: string) => Effect.Effect<boolean, StoreError>
    /**
     * Not sent on its channel: in one transaction the original becomes `rerouted` and a
     * replacement on `to` is inserted (due now, `reroutedFrom` set). The unique key
     * (update, person, channel) holds: when the person already has a delivery on `to`, nothing
     * changes and `TargetExists` says so.
     */
    readonly reroute: (
      workerId: string,
      id: string,
      to: Channel,
      reason: string,
      now?: Date,
    ) => Effect.Effect<RerouteOutcome, StoreError>
    /** Returns expired `sending` claims to `pending` (operators only: it may send twice). */
    readonly reclaimExpired: (channel?: Channel, now?: Date) => Effect.Effect<number, StoreError>
    readonly get: (id: string) => Effect.Effect<OutboxDelivery, StoreError | NotFound>
    readonly findByProviderMessageId: (
      providerMessageId: string,
    ) => Effect.Effect<OutboxDelivery | undefined, StoreError>
    readonly forUpdate: (updateId: string) => Effect.Effect<ReadonlyArray<OutboxDelivery>, StoreError>
    readonly forPerson: (
      personId: string,
      limit?: number,
    ) => Effect.Effect<ReadonlyArray<OutboxDelivery>, StoreError>
    /** How many deliveries are in each state (of one update when given). */
    readonly counts: (updateId?: string) => Effect.Effect<DeliveryCounts, StoreError>
    /**
     * For each (update, person) given, the channels of their deliveries that are not
     * `rerouted` (core decides a delivery on a channel that is off by the person's others).
     */
    readonly channelsOf: (
      pairs: ReadonlyArray<{ readonly updateId: string; readonly personId: string }>,
    ) => Effect.Effect<
      ReadonlyArray<{
        readonly id: string
        readonly updateId: string
        readonly personId: string
        readonly channel: Channel
      }>,
      StoreError
    >
    /** The organisation's version: it goes up in the same transaction as every organisation write. */
    readonly networkVersion: Effect.Effect<number, StoreError>
    /**
     * Takes the right to post an update in a Slack channel: true for exactly one caller, however
     * many dispatchers try (a unique key on update and channel).
     */
    readonly claimAnnouncement: (input: {
      readonly updateId: string
      readonly slackChannelId: string
      readonly workerId: string
    }) => Effect.Effect<boolean, StoreError>
    /** Gives the right back when the post failed, so a later pass (any dispatcher) tries again. */
    readonly releaseAnnouncement: (input: {
      readonly updateId: string
      readonly slackChannelId: string
    }) => Effect.Effect<void, StoreError>
    readonly recordAnnouncement: (input: {
      readonly updateId: string
      readonly slackChannelId: string
      readonly ts: string
    }) => Effect.Effect<void, StoreError>
    /**
     * Takes over announcements claimed before `claimedBefore` and never recorded as posted (a
     * dispatcher that stopped between claim and post): each comes back to exactly one caller,
     * who must look for the message in the channel before posting it.
     */
    readonly retakeStaleAnnouncements: (input: {
      readonly workerId: string
      readonly claimedBefore: Date
    }) => Effect.Effect<
      ReadonlyArray<{ readonly updateId: UpdateId; readonly slackChannelId: string }>,
      StoreError
    >
  }
>()("spridning/db/Outbox") {}

/** The database edge: ids in the outbox were written from core's branded ids when publishing. */
export const deliveryFromRow = (row: typeof deliveries.$inferSelect): OutboxDelivery => ({
  id: row.id,
  updateId: row.updateId,
  personId: row.personId,
  regionId: row.regionId,
  channel: row.channel,
  reasons: row.reasons,
  ...(row.bridge === null ? {} : { bridge: row.bridge }),
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt,
  ...(row.leaseUntil === null ? {} : { leaseUntil: row.leaseUntil }),
  ...(row.claimedBy === null ? {} : { claimedBy: row.claimedBy }),
  ...(row.lastError === null ? {} : { lastError: row.lastError }),
  ...(row.providerMessageId === null ? {} : { providerMessageId: row.providerMessageId }),
  ...(row.sentAt === null ? {} : { sentAt: row.sentAt }),
  createdAt: row.createdAt,
  ...(row.reroutedFrom === null ? {} : { reroutedFrom: row.reroutedFrom }),
  ...(row.digestPeriod === null ? {} : { digestPeriod: row.digestPeriod }),
  resends: row.resends,
})

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids as one uuid[] parameter: a plan that stays on the primary key with stale statistics. */
const uuidArray = (ids: ReadonlyArray<string>): string | undefined => {
  const valid = ids.filter((id) => uuidPattern.test(id))
  return valid.length === 0 ? undefined : `{${valid.join(",")}}`
}

const heldBy = (workerId: string, id: string) =>
  and(idIs(deliveries.id, id), eq(deliveries.claimedBy, workerId), eq(deliveries.state, "sending"))

const channelsOf = (request: ClaimRequest): ReadonlyArray<Channel> => [
  ...(request.channel === undefined ? [] : [request.channel]),
  ...(request.channels ?? []),
]

/**
 * Takes the rows `claimable` selects (locked with SKIP LOCKED by the caller's select) under this
 * worker's lease, counting an attempt. The one claiming statement: due deliveries and a digest's
 * held ones differ only in what they select.
 */
const claimSelected = async (
  db: Db,
  claimable: SQL,
  claim: { readonly workerId: string; readonly leaseMillis: number },
  now: Date,
) => {
  // `= any(array(…))` keeps the planner on the primary key; `in (subquery)` made it hash-join
  // the whole table.
  const rows = await db
    .update(deliveries)
    .set({
      state: "sending",
      claimedBy: claim.workerId,
      leaseUntil: new Date(now.getTime() + claim.leaseMillis),
      attempts: sql`${deliveries.attempts} + 1`,
    })
    .where(sql`${deliveries.id} = any(array(${claimable}))`)
    .returning()
  return rows.map(deliveryFromRow)
}

/** Claims rows matching `due` (oldest `nextAttemptAt` first) under a lease, counting an attempt. */
const claimWhere = async (db: Db, request: ClaimRequest, now: Date, due: SQL | undefined) => {
  const channels = channelsOf(request)
  if (channels.length === 0) return []
  const claimable = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(inArray(deliveries.channel, [...channels]), due))
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(Math.max(1, Math.floor(request.limit)))
    .for("update", { skipLocked: true })
  return claimSelected(db, claimable.getSQL(), request, now)
}

const emptyCounts = (): DeliveryCounts => ({
  pending: 0,
  held: 0,
  sending: 0,
  uncertain: 0,
  sent: 0,
  failed: 0,
  dead: 0,
  suppressed: 0,
  rerouted: 0,
})

export const layerOutbox: Layer.Layer<Outbox, never, Database> = Layer.effect(
  Outbox,
  Effect.gen(function* () {
    const database = yield* Database
    return Outbox.of({
      claim: (request) =>
        Effect.flatMap(nowOr(request.now), (now) =>
          database.run("claim deliveries", (db) =>
            claimWhere(
              db,
              request,
              now,
              and(
                inArray(deliveries.state, ["pending", "failed", "held"]),
                lte(deliveries.nextAttemptAt, now),
              ),
            ),
          ),
        ),
      expireLeases: ({ now, resendAfterMillis }) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("expire leases", async (db) => {
            const rows = await db
              .update(deliveries)
              .set({
                state: "uncertain",
                claimedBy: null,
                leaseUntil: null,
                nextAttemptAt: new Date(at.getTime() + resendAfterMillis),
                lastError: "the lease ran out while a request may have reached the provider",
              })
              .where(and(eq(deliveries.state, "sending"), lt(deliveries.leaseUntil, at)))
              .returning({ id: deliveries.id })
            return rows.length
          }),
        ),
      claimUncertain: (request) =>
        Effect.flatMap(nowOr(request.now), (now) =>
          database.run("claim uncertain deliveries", (db) =>
            claimWhere(
              db,
              request,
              now,
              and(eq(deliveries.state, "uncertain"), lte(deliveries.nextAttemptAt, now)),
            ),
          ),
        ),
      countResends: (workerId, ids) => {
        const array = uuidArray(ids)
        return array === undefined
          ? Effect.succeed(0)
          : database.run("count re-sends", async (db) => {
              const rows = await db
                .update(deliveries)
                .set({ resends: sql`${deliveries.resends} + 1` })
                .where(
                  and(
                    sql`${deliveries.id} = any(${array}::uuid[])`,
                    eq(deliveries.claimedBy, workerId),
                    eq(deliveries.state, "sending"),
                  ),
                )
                .returning({ id: deliveries.id })
              return rows.length
            })
      },
      settleSent: (evidence, now) =>
        Effect.flatMap(nowOr(now), (at) => {
          const array = uuidArray(evidence.map((mark) => mark.id))
          if (array === undefined) return Effect.succeed([])
          const providerIds = JSON.stringify(
            Object.fromEntries(
              evidence.flatMap((mark) =>
                mark.providerMessageId === undefined ? [] : [[mark.id, mark.providerMessageId]],
              ),
            ),
          )
          return database.run("settle deliveries as sent", async (db) => {
            const rows = await executeRows<{ id: string }>(
              db,
              sql`update ${deliveries} set
                    state = 'sent',
                    sent_at = coalesce(${deliveries.sentAt}, ${timestampParam(at)}),
                    provider_message_id = coalesce(${deliveries.providerMessageId}, ${providerIds}::jsonb ->> ${deliveries.id}::text),
                    lease_until = null,
                    last_error = null
                  where ${deliveries.id} = any(${array}::uuid[])
                    and ${deliveries.state} in ('sending', 'uncertain', 'failed')
                  returning ${deliveries.id}`,
            )
            return rows.map((row) => row.id)
          })
        }),
      markSent: (workerId, sent, now) =>
        Effect.flatMap(nowOr(now), (at) => {
          const array = uuidArray(sent.map((mark) => mark.id))
          if (array === undefined) return Effect.succeed(0)
          const providerIds = new Set(sent.map((mark) => mark.providerMessageId))
          const [onlyProviderId] = providerIds
          // One request's deliveries share the provider's id (SendGrid's X-Message-Id): one
          // parameter. Otherwise the ids go as one JSON object: a plan that cannot degrade into a
          // nested loop over a set-returning function when statistics are stale (they are, while
          // dispatchers drain a freshly published update).
          const providerId =
            providerIds.size === 1
              ? onlyProviderId === undefined
                ? sql`${deliveries.providerMessageId}`
                : sql`${onlyProviderId}`
              : sql`coalesce(${JSON.stringify(
                  Object.fromEntries(
                    sent.flatMap((mark) =>
                      mark.providerMessageId === undefined ? [] : [[mark.id, mark.providerMessageId]],
                    ),
                  ),
                )}::jsonb ->> ${deliveries.id}::text, ${deliveries.providerMessageId})`
          return database.run("mark deliveries sent", async (db) => {
            const rows = await executeRows<{ id: string }>(
              db,
              sql`update ${deliveries} set
                    state = 'sent',
                    sent_at = ${timestampParam(at)},
                    provider_message_id = ${providerId},
                    lease_until = null,
                    last_error = null
                  where ${deliveries.id} = any(${array}::uuid[])
                    and ${deliveries.claimedBy} = ${workerId}
                    and ${deliveries.state} = 'sending'
                  returning ${deliveries.id}`,
            )
            return rows.length
          })
        }),
      markFailed: (workerId, id, failure) =>
        database.run("mark delivery failed", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({
              state: "failed",
              lastError: failure.error,
              nextAttemptAt: failure.retryAt,
              leaseUntil: null,
            })
            .where(heldBy(workerId, id))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      markFailedMany: (workerId, ids, failure) => {
        const array = uuidArray(ids)
        return array === undefined
          ? Effect.succeed(0)
          : database.run("mark deliveries failed", async (db) => {
              const rows = await db
                .update(deliveries)
                .set({
                  state: "failed",
                  lastError: failure.error,
                  nextAttemptAt: failure.retryAt,
                  leaseUntil: null,
                })
                .where(
                  and(
                    sql`${deliveries.id} = any(${array}::uuid[])`,
                    eq(deliveries.claimedBy, workerId),
                    eq(deliveries.state, "sending"),
                  ),
                )
                .returning({ id: deliveries.id })
              return rows.length
            })
      },
      hold: (workerId, id, wait) =>
        database.run("hold delivery", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({
              state: "held",
              attempts: sql`greatest(${deliveries.attempts} - 1, 0)`,
              digestPeriod: wait.periodKey,
              nextAttemptAt: wait.until,
              leaseUntil: null,
              claimedBy: null,
            })
            .where(heldBy(workerId, id))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      claimDigest: (input) =>
        Effect.flatMap(nowOr(input.now), (now) =>
          database.run("claim a digest's deliveries", (db) =>
            claimSelected(
              db,
              db
                .select({ id: deliveries.id })
                .from(deliveries)
                .where(
                  and(
                    idIs(deliveries.personId, input.personId),
                    eq(deliveries.digestPeriod, input.periodKey),
                    eq(deliveries.channel, input.channel),
                    eq(deliveries.state, "held"),
                  ),
                )
                .for("update", { skipLocked: true })
                .getSQL(),
              input,
              now,
            ),
          ),
        ),
      markDead: (workerId, id, error) =>
        database.run("mark delivery dead", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({ state: "dead", lastError: error, leaseUntil: null })
            .where(heldBy(workerId, id))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      markDeadMany: (workerId, ids, error) => {
        const array = uuidArray(ids)
        return array === undefined
          ? Effect.succeed(0)
          : database.run("mark deliveries dead", async (db) => {
              const rows = await db
                .update(deliveries)
                .set({ state: "dead", lastError: error, leaseUntil: null })
                .where(
                  and(
                    sql`${deliveries.id} = any(${array}::uuid[])`,
                    eq(deliveries.claimedBy, workerId),
                    eq(deliveries.state, "sending"),
                  ),
                )
                .returning({ id: deliveries.id })
              return rows.length
            })
      },
      markSuppressed: (id, reason) =>
        database.run("mark delivery suppressed", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({ state: "suppressed", lastError: reason, leaseUntil: null })
            .where(
              and(
                idIs(deliveries.id, id),
                inArray(deliveries.state, ["pending", "held", "failed", "sending"]),
              ),
            )
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      reroute: (workerId, id, to, reason, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.transaction("reroute delivery", async (tx): Promise<RerouteOutcome> => {
            const [original] = await tx.select().from(deliveries).where(heldBy(workerId, id)).for("update")
            if (original === undefined) return { _tag: "NotHeld" }
            const [replacement] = await tx
              .insert(deliveries)
              .values({
                updateId: original.updateId,
                personId: original.personId,
                regionId: original.regionId,
                channel: to,
                reasons: original.reasons,
                bridge: original.bridge,
                state: "pending",
                nextAttemptAt: at,
                reroutedFrom: original.id,
                createdAt: at,
              })
              .onConflictDoNothing()
              .returning()
            if (replacement === undefined) return { _tag: "TargetExists" }
            await tx
              .update(deliveries)
              .set({ state: "rerouted", lastError: reason, leaseUntil: null })
              .where(eq(deliveries.id, original.id))
            return { _tag: "Rerouted", replacement: deliveryFromRow(replacement) }
          }),
        ),
      reclaimExpired: (channel, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("reclaim expired leases", async (db) => {
            const rows = await db
              .update(deliveries)
              .set({ state: "pending", leaseUntil: null, claimedBy: null })
              .where(
                and(
                  eq(deliveries.state, "sending"),
                  lt(deliveries.leaseUntil, at),
                  channel === undefined ? undefined : eq(deliveries.channel, channel),
                ),
              )
              .returning({ id: deliveries.id })
            return rows.length
          }),
        ),
      get: (id) =>
        Effect.flatMap(
          database.run("read delivery", (db) =>
            uuidPattern.test(id)
              ? db.select().from(deliveries).where(idIs(deliveries.id, id))
              : Promise.resolve([]),
          ),
          ([row]) =>
            row === undefined
              ? Effect.fail(new NotFound({ entity: "delivery", id }))
              : Effect.succeed(deliveryFromRow(row)),
        ),
      findByProviderMessageId: (providerMessageId) =>
        database.run("find delivery by provider message id", async (db) => {
          const [row] = await db
            .select()
            .from(deliveries)
            .where(eq(deliveries.providerMessageId, providerMessageId))
            .limit(1)
          return row === undefined ? undefined : deliveryFromRow(row)
        }),
      forUpdate: (updateId) =>
        database.run("list deliveries of update", async (db) =>
          (
            await db
              .select()
              .from(deliveries)
              .where(idIs(deliveries.updateId, updateId))
              .orderBy(asc(deliveries.personId), asc(deliveries.createdAt))
          ).map(deliveryFromRow),
        ),
      forPerson: (personId, limit = 100) =>
        database.run("list deliveries of person", async (db) =>
          (
            await db
              .select()
              .from(deliveries)
              .where(idIs(deliveries.personId, personId))
              .orderBy(sql`${deliveries.createdAt} desc`)
              .limit(limit)
          ).map(deliveryFromRow),
        ),
      counts: (updateId) =>
        database.run("count deliveries", async (db) => {
          const rows = await db
            .select({ state: deliveries.state, count: count() })
            .from(deliveries)
            .where(updateId === undefined ? undefined : idIs(deliveries.updateId, updateId))
            .groupBy(deliveries.state)
          const counts = emptyCounts()
          for (const row of rows) counts[row.state] = Number(row.count)
          return counts
        }),
      channelsOf: (pairs) => {
        if (pairs.length === 0) return Effect.succeed([])
        const unique = [
          ...new Map(pairs.map((pair) => [`${pair.updateId}\u0000${pair.personId}`, pair])).values(),
        ]
        return database.run("read the channels of people's deliveries", (db) =>
          executeRows<{ id: string; update_id: string; person_id: string; channel: Channel }>(
            db,
            sql`select d.id, d.update_id, d.person_id, d.channel
                from ${deliveries} d
                join unnest(${`{${unique.map((pair) => JSON.stringify(pair.updateId)).join(",")}}`}::text[],
                            ${`{${unique.map((pair) => JSON.stringify(pair.personId)).join(",")}}`}::text[]) as wanted(update_id, person_id)
                  on d.update_id = wanted.update_id and d.person_id = wanted.person_id
                where d.state <> 'rerouted'`,
          ).then((rows) =>
            rows.map((row) => ({
              id: row.id,
              updateId: row.update_id,
              personId: row.person_id,
              channel: row.channel,
            })),
          ),
        )
      },
      networkVersion: database.run("read network version", async (db) => {
        const [row] = await db.select({ version: networkVersion.version }).from(networkVersion)
        return row?.version ?? 0
      }),
      claimAnnouncement: (input) =>
        database.run("claim announcement", async (db) => {
          const rows = await db
            .insert(slackAnnouncements)
            .values({
              updateId: referenceTo("update", UpdateId, input.updateId),
              slackChannelId: input.slackChannelId,
              claimedBy: input.workerId,
            })
            .onConflictDoNothing()
            .returning({ updateId: slackAnnouncements.updateId })
          return rows.length > 0
        }),
      releaseAnnouncement: (input) =>
        database.run("release announcement", async (db) => {
          await db
            .delete(slackAnnouncements)
            .where(
              and(
                idIs(slackAnnouncements.updateId, input.updateId),
                eq(slackAnnouncements.slackChannelId, input.slackChannelId),
                isNull(slackAnnouncements.ts),
              ),
            )
        }),
      retakeStaleAnnouncements: (input) =>
        database.run("retake stale announcements", async (db) =>
          db
            .update(slackAnnouncements)
            .set({ claimedBy: input.workerId, claimedAt: new Date() })
            .where(and(isNull(slackAnnouncements.ts), lt(slackAnnouncements.claimedAt, input.claimedBefore)))
            .returning({
              updateId: slackAnnouncements.updateId,
              slackChannelId: slackAnnouncements.slackChannelId,
            }),
        ),
      recordAnnouncement: (input) =>
        database.run("record announcement", async (db) => {
          await db
            .update(slackAnnouncements)
            .set({ ts: input.ts })
            .where(
              and(
                idIs(slackAnnouncements.updateId, input.updateId),
                eq(slackAnnouncements.slackChannelId, input.slackChannelId),
              ),
            )
        }),
    })
  }),
)
