import {
  type Bridge,
  type Channel,
  type DeliveryState,
  type InclusionReason,
  NotFound,
  type StoreError,
} from "@spridning/core"
import { and, asc, count, eq, inArray, lt, lte, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database } from "../database/database.js"
import { executeRows, nowOr, timestampParam } from "../database/raw.js"
import { deliveries } from "../schema/index.js"

/** A delivery as stored in the outbox, with its sending history. */
export interface StoredDelivery {
  readonly id: string
  readonly updateId: string
  readonly personId: string
  readonly regionId: string
  readonly channel: Channel
  readonly reasons: ReadonlyArray<InclusionReason>
  readonly bridge?: Bridge
  readonly state: DeliveryState
  readonly attempts: number
  readonly nextAttemptAt: Date
  readonly leaseUntil?: Date
  readonly claimedBy?: string
  readonly lastError?: string
  readonly providerMessageId?: string
  readonly sentAt?: Date
  readonly createdAt: Date
}

export interface ClaimRequest {
  readonly channel: Channel
  /** Names the worker; only it may mark what it claimed. */
  readonly workerId: string
  readonly limit: number
  /** How long the claim holds; after that another worker may take the delivery. */
  readonly leaseMillis: number
  readonly now?: Date
}

export interface SentMark {
  readonly id: string
  readonly providerMessageId?: string
}

export type DeliveryCounts = Record<DeliveryState, number>

/**
 * The outbox. Any number of workers on any number of machines drain it in parallel:
 * `claim` takes due rows with `FOR UPDATE SKIP LOCKED`, so no delivery is claimed twice, and
 * a claim whose worker died runs out after its lease and is taken again.
 */
export class Outbox extends Context.Service<
  Outbox,
  {
    /**
     * Claims up to `limit` due deliveries of a channel: pending or failed ones whose next
     * attempt is due, and `sending` ones whose lease ran out. Each claim counts an attempt.
     */
    readonly claim: (request: ClaimRequest) => Effect.Effect<ReadonlyArray<StoredDelivery>, StoreError>
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
    /**
     * Not yet, and not a failure: a claimed delivery waits (pending) until `until`, e.g. for the
     * reader's daily or weekly digest. The claim's attempt is given back.
     */
    readonly defer: (
      workerId: string,
      id: string,
      wait: { readonly until: Date; readonly note: string },
    ) => Effect.Effect<boolean, StoreError>
    /** Gave up: no more attempts. */
    readonly markDead: (workerId: string, id: string, error: string) => Effect.Effect<boolean, StoreError>
    /** Held back (e.g. the address bounced); never sent. */
    readonly markSuppressed: (id: string, reason: string) => Effect.Effect<boolean, StoreError>
    /** Returns `sending` deliveries whose lease ran out to `pending`; returns how many. */
    readonly reclaimExpired: (channel?: Channel, now?: Date) => Effect.Effect<number, StoreError>
    readonly get: (id: string) => Effect.Effect<StoredDelivery, StoreError | NotFound>
    readonly findByProviderMessageId: (
      providerMessageId: string,
    ) => Effect.Effect<StoredDelivery | undefined, StoreError>
    readonly forUpdate: (updateId: string) => Effect.Effect<ReadonlyArray<StoredDelivery>, StoreError>
    readonly forPerson: (
      personId: string,
      limit?: number,
    ) => Effect.Effect<ReadonlyArray<StoredDelivery>, StoreError>
    /** How many deliveries are in each state (of one update when given). */
    readonly counts: (updateId?: string) => Effect.Effect<DeliveryCounts, StoreError>
  }
>()("spridning/db/Outbox") {}

export const deliveryFromRow = (row: typeof deliveries.$inferSelect): StoredDelivery => ({
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
})

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const heldBy = (workerId: string, id: string) =>
  and(eq(deliveries.id, id), eq(deliveries.claimedBy, workerId), eq(deliveries.state, "sending"))

export const layerOutbox: Layer.Layer<Outbox, never, Database> = Layer.effect(
  Outbox,
  Effect.gen(function* () {
    const database = yield* Database
    return Outbox.of({
      claim: (request) =>
        Effect.flatMap(nowOr(request.now), (now) =>
          database.run("claim deliveries", async (db) => {
            const limit = Math.max(1, Math.floor(request.limit))
            const claim = async (due: SQL, order: SQL, size: number) => {
              // `= any(array(…))` keeps the planner on the primary key; `in (subquery)`
              // made it hash-join the whole table.
              const claimable = db
                .select({ id: deliveries.id })
                .from(deliveries)
                .where(and(eq(deliveries.channel, request.channel), due))
                .orderBy(order)
                .limit(size)
                .for("update", { skipLocked: true })
              const rows = await db
                .update(deliveries)
                .set({
                  state: "sending",
                  claimedBy: request.workerId,
                  leaseUntil: new Date(now.getTime() + request.leaseMillis),
                  attempts: sql`${deliveries.attempts} + 1`,
                })
                .where(sql`${deliveries.id} = any(array(${claimable}))`)
                .returning()
              return rows.map(deliveryFromRow)
            }
            // Two statements, one per partial index: claims whose worker died first, then due ones.
            const expired = await claim(
              and(eq(deliveries.state, "sending"), lt(deliveries.leaseUntil, now)) ?? sql`false`,
              asc(deliveries.leaseUntil),
              limit,
            )
            if (expired.length >= limit) return expired
            const due = await claim(
              and(inArray(deliveries.state, ["pending", "failed"]), lte(deliveries.nextAttemptAt, now)) ??
                sql`false`,
              asc(deliveries.nextAttemptAt),
              limit - expired.length,
            )
            return [...expired, ...due]
          }),
        ),
      markSent: (workerId, sent, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          sent.length === 0
            ? Effect.succeed(0)
            : database.run("mark deliveries sent", async (db) => {
                // Ids as one uuid[] and provider ids as one JSON object: a plan that cannot
                // degrade into a nested loop over a set-returning function when statistics
                // are stale (they are, while workers drain a freshly published update).
                const ids = sent.map((mark) => mark.id).filter((id) => uuidPattern.test(id))
                if (ids.length === 0) return 0
                const providerIds = JSON.stringify(
                  Object.fromEntries(
                    sent.flatMap((mark) =>
                      mark.providerMessageId === undefined ? [] : [[mark.id, mark.providerMessageId]],
                    ),
                  ),
                )
                const rows = await executeRows<{ id: string }>(
                  db,
                  sql`update ${deliveries} set
                        state = 'sent',
                        sent_at = ${timestampParam(at)},
                        provider_message_id = coalesce(${providerIds}::jsonb ->> ${deliveries.id}::text, ${deliveries.providerMessageId}),
                        lease_until = null,
                        last_error = null
                      where ${deliveries.id} = any(${`{${ids.join(",")}}`}::uuid[])
                        and ${deliveries.claimedBy} = ${workerId}
                        and ${deliveries.state} = 'sending'
                      returning ${deliveries.id}`,
                )
                return rows.length
              }),
        ),
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
      defer: (workerId, id, wait) =>
        database.run("defer delivery", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({
              state: "pending",
              attempts: sql`greatest(${deliveries.attempts} - 1, 0)`,
              lastError: wait.note,
              nextAttemptAt: wait.until,
              leaseUntil: null,
              claimedBy: null,
            })
            .where(heldBy(workerId, id))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      markDead: (workerId, id, error) =>
        database.run("mark delivery dead", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({ state: "dead", lastError: error, leaseUntil: null })
            .where(heldBy(workerId, id))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
      markSuppressed: (id, reason) =>
        database.run("mark delivery suppressed", async (db) => {
          const rows = await db
            .update(deliveries)
            .set({ state: "suppressed", lastError: reason, leaseUntil: null })
            .where(and(eq(deliveries.id, id), inArray(deliveries.state, ["pending", "failed", "sending"])))
            .returning({ id: deliveries.id })
          return rows.length > 0
        }),
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
          database.run("read delivery", (db) => db.select().from(deliveries).where(eq(deliveries.id, id))),
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
              .where(eq(deliveries.updateId, updateId))
              .orderBy(asc(deliveries.personId))
          ).map(deliveryFromRow),
        ),
      forPerson: (personId, limit = 100) =>
        database.run("list deliveries of person", async (db) =>
          (
            await db
              .select()
              .from(deliveries)
              .where(eq(deliveries.personId, personId))
              .orderBy(sql`${deliveries.createdAt} desc`)
              .limit(limit)
          ).map(deliveryFromRow),
        ),
      counts: (updateId) =>
        database.run("count deliveries", async (db) => {
          const rows = await db
            .select({ state: deliveries.state, count: count() })
            .from(deliveries)
            .where(updateId === undefined ? undefined : eq(deliveries.updateId, updateId))
            .groupBy(deliveries.state)
          const counts: DeliveryCounts = {
            pending: 0,
            held: 0,
            sending: 0,
            uncertain: 0,
            sent: 0,
            failed: 0,
            dead: 0,
            suppressed: 0,
            rerouted: 0,
          }
          for (const row of rows) counts[row.state] = Number(row.count)
          return counts
        }),
    })
  }),
)
