import {
  type Bridge,
  type Channel,
  type DeliveryId,
  type DeliveryState,
  NotFound,
  type PersonId,
  type ReceiptKind,
  type RegionId,
  type StoreError,
  type UpdateId,
} from "@spridning/core"
import { and, asc, eq, gte, inArray, isNotNull, or, type SQL } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database, type Db } from "../database/database.js"
import { Conflict, type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idAfter, idIs } from "../database/ids.js"
import { nowOr } from "../database/raw.js"
import {
  clampLimit,
  decodePairCursor,
  encodePairCursor,
  type InvalidCursor,
  type Page,
} from "../organisation/entity-store.js"
import { deliveries, people, receipts, regions, updates } from "../schema/index.js"
import { authorOf } from "../updates/author.js"

/** A delivery as the network office reads it: with names, its sending history and its receipts. */
export interface DeliveryRecord {
  readonly id: DeliveryId
  readonly updateId: UpdateId
  readonly updateTitle: string
  readonly personId: PersonId
  readonly personName: string
  readonly regionId: RegionId
  readonly regionName: string
  readonly channel: Channel
  readonly state: DeliveryState
  readonly attempts: number
  readonly nextAttemptAt: Date
  readonly lastError?: string
  readonly bridge?: Bridge
  readonly sentAt?: Date
  readonly createdAt: Date
  /** How often it was sent again after being uncertain (its lease ran out mid-request). */
  readonly resends: number
  /** On a replacement: the delivery on another channel it stands in for. */
  readonly reroutedFrom?: DeliveryId
  readonly receipts: ReadonlyArray<{ readonly kind: ReceiptKind; readonly at: Date }>
}

export interface DeliveryListOptions {
  readonly state?: DeliveryState
  readonly cursor?: string
  /** 1–1000, default 100. */
  readonly limit?: number
}

/** The part of a delivery the funnel counts: per person, leaving out the update's author. */
export interface FunnelRow {
  readonly id: DeliveryId
  readonly updateId: UpdateId
  readonly personId: PersonId
  /** Who published the update: a person's id (a Slack user's through their link), or a token's name. */
  readonly publishedBy: string
  readonly regionId: RegionId
  readonly state: DeliveryState
  readonly resends: number
}

export interface FunnelReceipt {
  readonly deliveryId: DeliveryId
  readonly kind: ReceiptKind
  readonly at: string
}

/** The states a delivery may be retried from: the dispatcher gave up, or is waiting to retry. */
const retryable: ReadonlyArray<DeliveryState> = ["dead", "failed"]

/**
 * What the network office sees of the outbox, and its one lever on it: sending a dead or
 * failed delivery again.
 */
export class DeliveryQueries extends Context.Service<
  DeliveryQueries,
  {
    /** An update's deliveries, ordered by person and id. */
    readonly ofUpdate: (
      updateId: string,
      options?: DeliveryListOptions,
    ) => Effect.Effect<Page<DeliveryRecord>, StoreError | InvalidCursor>
    /** Deliveries of every update, ordered by person and id. */
    readonly list: (
      options?: DeliveryListOptions,
    ) => Effect.Effect<Page<DeliveryRecord>, StoreError | InvalidCursor>
    readonly get: (id: string) => Effect.Effect<DeliveryRecord, StoreError | NotFound>
    /** Every delivery of an update, for the funnel. */
    readonly funnelRowsOfUpdate: (updateId: string) => Effect.Effect<ReadonlyArray<FunnelRow>, StoreError>
    /** Every delivery to a region of updates published at or after `since`, for the funnel. */
    readonly funnelRowsOfRegion: (
      regionId: string,
      since: Date,
    ) => Effect.Effect<ReadonlyArray<FunnelRow>, StoreError>
    /** Receipts of the deliveries `funnelRowsOfRegion` answers. */
    readonly receiptsOfRegion: (
      regionId: string,
      since: Date,
    ) => Effect.Effect<ReadonlyArray<FunnelReceipt>, StoreError>
    /**
     * A dead or failed delivery becomes pending and due now; its attempts are kept so the
     * history stays honest. `Conflict` for any other state, `NotFound` for an unknown id.
     */
    readonly retry: (
      id: string,
      actor: string,
      now?: Date,
    ) => Effect.Effect<DeliveryRecord, StoreError | ConstraintError>
  }
>()("spridning/db/DeliveryQueries") {}

const recordColumns = {
  id: deliveries.id,
  updateId: deliveries.updateId,
  updateTitle: updates.title,
  personId: deliveries.personId,
  personName: people.name,
  regionId: deliveries.regionId,
  regionName: regions.name,
  channel: deliveries.channel,
  state: deliveries.state,
  attempts: deliveries.attempts,
  nextAttemptAt: deliveries.nextAttemptAt,
  lastError: deliveries.lastError,
  bridge: deliveries.bridge,
  sentAt: deliveries.sentAt,
  createdAt: deliveries.createdAt,
  resends: deliveries.resends,
  reroutedFrom: deliveries.reroutedFrom,
}

/** Deliveries matching `where`, with names and receipts, one page after `after`. */
const readRecords = async (
  db: Db,
  conditions: ReadonlyArray<SQL | undefined>,
  after: readonly [string, string] | undefined,
  limit: number,
): Promise<Array<DeliveryRecord>> => {
  const page =
    after === undefined
      ? undefined
      : or(
          idAfter(deliveries.personId, after[0]),
          and(idIs(deliveries.personId, after[0]), idAfter(deliveries.id, after[1])),
        )
  const rows = await db
    .select(recordColumns)
    .from(deliveries)
    .innerJoin(updates, eq(updates.id, deliveries.updateId))
    .innerJoin(people, eq(people.id, deliveries.personId))
    .innerJoin(regions, eq(regions.id, deliveries.regionId))
    .where(and(...conditions, page))
    .orderBy(asc(deliveries.personId), asc(deliveries.id))
    .limit(limit)
  const ids = rows.map((row) => row.id)
  const receiptRows =
    ids.length === 0
      ? []
      : await db
          .select({ deliveryId: receipts.deliveryId, kind: receipts.kind, at: receipts.at })
          .from(receipts)
          .where(inArray(receipts.deliveryId, ids))
          .orderBy(asc(receipts.at), asc(receipts.id))
  const receiptsOf = new Map<string, Array<{ kind: ReceiptKind; at: Date }>>()
  for (const receipt of receiptRows) {
    const list = receiptsOf.get(receipt.deliveryId) ?? []
    list.push({ kind: receipt.kind, at: receipt.at })
    receiptsOf.set(receipt.deliveryId, list)
  }
  return rows.map((row) => ({
    id: row.id,
    updateId: row.updateId,
    updateTitle: row.updateTitle,
    personId: row.personId,
    personName: row.personName,
    regionId: row.regionId,
    regionName: row.regionName,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    ...(row.lastError === null ? {} : { lastError: row.lastError }),
    ...(row.bridge === null ? {} : { bridge: row.bridge }),
    ...(row.sentAt === null ? {} : { sentAt: row.sentAt }),
    createdAt: row.createdAt,
    resends: row.resends,
    ...(row.reroutedFrom === null ? {} : { reroutedFrom: row.reroutedFrom }),
    receipts: receiptsOf.get(row.id) ?? [],
  }))
}

const funnelColumns = {
  id: deliveries.id,
  updateId: deliveries.updateId,
  personId: deliveries.personId,
  publishedBy: authorOf(updates.createdBy),
  regionId: deliveries.regionId,
  state: deliveries.state,
  resends: deliveries.resends,
}

/** Deliveries are keyed by UUID; any other id names no delivery (and must not reach the server). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const layerDeliveryQueries: Layer.Layer<DeliveryQueries, never, Database> = Layer.effect(
  DeliveryQueries,
  Effect.gen(function* () {
    const database = yield* Database

    const page = (operation: string, base: ReadonlyArray<SQL | undefined>, options: DeliveryListOptions) =>
      Effect.gen(function* () {
        const after = options.cursor === undefined ? undefined : yield* decodePairCursor(options.cursor)
        const limit = clampLimit(options.limit)
        const conditions = [
          ...base,
          options.state === undefined ? undefined : eq(deliveries.state, options.state),
        ]
        const rows = yield* database.run(operation, (db) => readRecords(db, conditions, after, limit + 1))
        const items = rows.slice(0, limit)
        const last = items.at(-1)
        return rows.length > limit && last !== undefined
          ? { items, nextCursor: encodePairCursor(last.personId, last.id) }
          : { items }
      })

    const find = async (db: Db, id: string): Promise<DeliveryRecord | undefined> =>
      uuid.test(id) ? (await readRecords(db, [idIs(deliveries.id, id)], undefined, 1))[0] : undefined

    return DeliveryQueries.of({
      ofUpdate: (updateId, options = {}) =>
        page("list deliveries of update", [idIs(deliveries.updateId, updateId)], options),
      list: (options = {}) => page("list deliveries", [], options),
      get: (id) =>
        Effect.flatMap(
          database.run("read delivery", async (db) => find(db, id)),
          (record) =>
            record === undefined
              ? Effect.fail(new NotFound({ entity: "delivery", id }))
              : Effect.succeed(record),
        ),
      funnelRowsOfUpdate: (updateId) =>
        database.run("read funnel of update", (db) =>
          db
            .select(funnelColumns)
            .from(deliveries)
            .innerJoin(updates, eq(updates.id, deliveries.updateId))
            .where(idIs(deliveries.updateId, updateId))
            .orderBy(asc(deliveries.id)),
        ),
      funnelRowsOfRegion: (regionId, since) =>
        database.run("read funnel of region", (db) =>
          db
            .select(funnelColumns)
            .from(deliveries)
            .innerJoin(updates, eq(updates.id, deliveries.updateId))
            .where(
              and(
                idIs(deliveries.regionId, regionId),
                isNotNull(updates.publishedAt),
                gte(updates.publishedAt, since),
              ),
            )
            .orderBy(asc(updates.publishedAt), asc(deliveries.updateId), asc(deliveries.id)),
        ),
      receiptsOfRegion: (regionId, since) =>
        database.run("read receipts of region", async (db) =>
          (
            await db
              .select({ deliveryId: receipts.deliveryId, kind: receipts.kind, at: receipts.at })
              .from(receipts)
              .innerJoin(deliveries, eq(deliveries.id, receipts.deliveryId))
              .innerJoin(updates, eq(updates.id, deliveries.updateId))
              .where(
                and(
                  idIs(deliveries.regionId, regionId),
                  isNotNull(updates.publishedAt),
                  gte(updates.publishedAt, since),
                ),
              )
              .orderBy(asc(receipts.id))
          ).map((row) => ({ ...row, at: row.at.toISOString() })),
        ),
      retry: (id, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("retry delivery", async (tx) => {
              const before = await find(tx, id)
              if (before === undefined) throw new NotFound({ entity: "delivery", id })
              if (!retryable.includes(before.state)) {
                throw new Conflict({
                  entity: "delivery",
                  id,
                  reason: `it is ${before.state}; only a dead or failed delivery can be sent again`,
                })
              }
              await tx
                .update(deliveries)
                .set({ state: "pending", nextAttemptAt: at, leaseUntil: null, claimedBy: null })
                .where(and(idIs(deliveries.id, id), inArray(deliveries.state, [...retryable])))
              const after = await find(tx, id)
              if (after === undefined) throw new NotFound({ entity: "delivery", id })
              await writeAudit(tx, [
                {
                  actor,
                  action: "retry",
                  entity: "delivery",
                  entityId: id,
                  before: {
                    state: before.state,
                    attempts: before.attempts,
                    lastError: before.lastError ?? null,
                  },
                  after: { state: after.state, attempts: after.attempts, nextAttemptAt: at.toISOString() },
                },
              ])
              return after
            })
            .pipe(mapConstraintErrors("delivery", id)),
        ),
    })
  }),
)
