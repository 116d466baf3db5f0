import { DeliveryId, PersonId, type Receipt, type ReceiptKind, type StoreError } from "@spridning/core"
import { and, asc, eq, gt, inArray, isNull, lt } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idIn, idIs, referenceTo } from "../database/ids.js"
import { nowOr } from "../database/raw.js"
import {
  clampLimit,
  decodeCursor,
  type InvalidCursor,
  type Page,
  pageOf,
} from "../organisation/entity-store.js"
import {
  deliveries,
  deliveryEvents,
  digestRuns,
  receipts,
  type SuppressionReason,
  suppressions,
} from "../schema/index.js"

/** "gå från information till handling": what readers did with their deliveries. */
export class Receipts extends Context.Service<
  Receipts,
  {
    /** Records a receipt; a second one of the same kind for a delivery changes nothing. Returns whether it was new. */
    readonly record: (
      receipt: { readonly deliveryId: string; readonly kind: ReceiptKind; readonly personId?: string },
      now?: Date,
    ) => Effect.Effect<boolean, StoreError | ConstraintError>
    readonly forDeliveries: (
      deliveryIds: ReadonlyArray<string>,
    ) => Effect.Effect<ReadonlyArray<Receipt>, StoreError>
    /** Every receipt of an update's deliveries, for core's `reachFunnel`. */
    readonly forUpdate: (updateId: string) => Effect.Effect<ReadonlyArray<Receipt>, StoreError>
  }
>()("spridning/db/Receipts") {}

const receiptFromRow = (row: typeof receipts.$inferSelect): Receipt => ({
  deliveryId: row.deliveryId,
  kind: row.kind,
  at: row.at.toISOString(),
  ...(row.personId === null ? {} : { personId: row.personId }),
})

export const layerReceipts: Layer.Layer<Receipts, never, Database> = Layer.effect(
  Receipts,
  Effect.gen(function* () {
    const database = yield* Database
    return Receipts.of({
      record: (receipt, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .run("record receipt", async (db) => {
              const rows = await db
                .insert(receipts)
                .values({
                  deliveryId: referenceTo("delivery", DeliveryId, receipt.deliveryId),
                  kind: receipt.kind,
                  at,
                  personId:
                    receipt.personId === undefined ? null : referenceTo("person", PersonId, receipt.personId),
                })
                .onConflictDoNothing()
                .returning({ id: receipts.id })
              return rows.length > 0
            })
            .pipe(mapConstraintErrors("receipt", receipt.deliveryId)),
        ),
      forDeliveries: (deliveryIds) =>
        deliveryIds.length === 0
          ? Effect.succeed([])
          : database.run("list receipts", async (db) =>
              (
                await db
                  .select()
                  .from(receipts)
                  .where(idIn(receipts.deliveryId, [...deliveryIds]))
                  .orderBy(asc(receipts.id))
              ).map(receiptFromRow),
            ),
      forUpdate: (updateId) =>
        database.run("list receipts of update", async (db) =>
          (
            await db
              .select({ receipt: receipts })
              .from(receipts)
              .innerJoin(deliveries, eq(deliveries.id, receipts.deliveryId))
              .where(idIs(deliveries.updateId, updateId))
              .orderBy(asc(receipts.id))
          ).map((row) => receiptFromRow(row.receipt)),
        ),
    })
  }),
)

/** Addresses never to mail again. Addresses are compared lower-case. */
export class Suppressions extends Context.Service<
  Suppressions,
  {
    /** Adds (or keeps) an address; returns whether it was new. */
    readonly add: (email: string, reason: SuppressionReason) => Effect.Effect<boolean, StoreError>
    readonly remove: (email: string) => Effect.Effect<boolean, StoreError>
    readonly isSuppressed: (email: string) => Effect.Effect<boolean, StoreError>
    /** The subset of `emails` that is suppressed (lower-cased). */
    readonly suppressedAmong: (
      emails: ReadonlyArray<string>,
    ) => Effect.Effect<ReadonlySet<string>, StoreError>
    readonly list: () => Effect.Effect<ReadonlyArray<Suppression>, StoreError>
    /** One page ordered by address; `cursor` is the previous page's `nextCursor`. */
    readonly page: (options?: {
      readonly cursor?: string
      readonly limit?: number
    }) => Effect.Effect<Page<Suppression>, StoreError | InvalidCursor>
    /**
     * Lets mail reach an address again (the office checked it), audited as `actor`'s in the
     * same transaction. Returns whether the address was on the list.
     */
    readonly release: (email: string, actor: string) => Effect.Effect<boolean, StoreError>
  }
>()("spridning/db/Suppressions") {}

export interface Suppression {
  readonly email: string
  readonly reason: SuppressionReason
  readonly createdAt: Date
}

export const layerSuppressions: Layer.Layer<Suppressions, never, Database> = Layer.effect(
  Suppressions,
  Effect.gen(function* () {
    const database = yield* Database
    const normalise = (email: string) => email.trim().toLowerCase()
    return Suppressions.of({
      add: (email, reason) =>
        database.run("add suppression", async (db) => {
          const rows = await db
            .insert(suppressions)
            .values({ email: normalise(email), reason })
            .onConflictDoNothing()
            .returning({ email: suppressions.email })
          return rows.length > 0
        }),
      remove: (email) =>
        database.run("remove suppression", async (db) => {
          const rows = await db
            .delete(suppressions)
            .where(eq(suppressions.email, normalise(email)))
            .returning({ email: suppressions.email })
          return rows.length > 0
        }),
      isSuppressed: (email) =>
        database.run("check suppression", async (db) => {
          const rows = await db
            .select({ email: suppressions.email })
            .from(suppressions)
            .where(eq(suppressions.email, normalise(email)))
          return rows.length > 0
        }),
      suppressedAmong: (emails) =>
        emails.length === 0
          ? Effect.succeed(new Set<string>())
          : database.run("check suppressions", async (db) => {
              const rows = await db
                .select({ email: suppressions.email })
                .from(suppressions)
                .where(inArray(suppressions.email, emails.map(normalise)))
              return new Set(rows.map((row) => row.email))
            }),
      list: () =>
        database.run("list suppressions", (db) =>
          db.select().from(suppressions).orderBy(asc(suppressions.email)),
        ),
      page: (options = {}) =>
        Effect.gen(function* () {
          const after = options.cursor === undefined ? undefined : yield* decodeCursor(options.cursor)
          const limit = clampLimit(options.limit)
          const rows = yield* database.run("list suppressions", (db) =>
            db
              .select()
              .from(suppressions)
              .where(after === undefined ? undefined : gt(suppressions.email, after))
              .orderBy(asc(suppressions.email))
              .limit(limit + 1),
          )
          return pageOf(rows, limit, (row) => row.email)
        }),
      release: (email, actor) =>
        database.transaction("release suppression", async (tx) => {
          const [removed] = await tx
            .delete(suppressions)
            .where(eq(suppressions.email, normalise(email)))
            .returning()
          if (removed === undefined) return false
          await writeAudit(tx, [
            { actor, action: "delete", entity: "suppression", entityId: removed.email, before: removed },
          ])
          return true
        }),
    })
  }),
)

export interface DeliveryEventInput {
  /** SendGrid's `sg_event_id`. */
  readonly providerEventId: string
  readonly deliveryId?: string
  readonly providerMessageId?: string
  readonly event: string
  readonly email?: string
  readonly at: Date
  readonly payload: Record<string, unknown>
}

/** What SendGrid's event webhook reported; repeats of an event are dropped. */
export class DeliveryEvents extends Context.Service<
  DeliveryEvents,
  {
    /** Stores the events not seen before; returns those (the webhook retries whole batches). */
    readonly record: (
      events: ReadonlyArray<DeliveryEventInput>,
    ) => Effect.Effect<ReadonlyArray<DeliveryEventInput>, StoreError | ConstraintError>
    readonly forDelivery: (
      deliveryId: string,
    ) => Effect.Effect<ReadonlyArray<DeliveryEventInput & { readonly receivedAt: Date }>, StoreError>
  }
>()("spridning/db/DeliveryEvents") {}

export const layerDeliveryEvents: Layer.Layer<DeliveryEvents, never, Database> = Layer.effect(
  DeliveryEvents,
  Effect.gen(function* () {
    const database = yield* Database
    return DeliveryEvents.of({
      record: (events) =>
        events.length === 0
          ? Effect.succeed([])
          : database
              .run("record delivery events", async (db) => {
                const rows = await db
                  .insert(deliveryEvents)
                  .values(
                    events.map((event) => ({
                      providerEventId: event.providerEventId,
                      deliveryId:
                        event.deliveryId === undefined
                          ? null
                          : referenceTo("delivery", DeliveryId, event.deliveryId),
                      providerMessageId: event.providerMessageId ?? null,
                      event: event.event,
                      email: event.email ?? null,
                      at: event.at,
                      payload: event.payload,
                    })),
                  )
                  .onConflictDoNothing()
                  .returning({ providerEventId: deliveryEvents.providerEventId })
                const fresh = new Set(rows.map((row) => row.providerEventId))
                return events.filter((event) => fresh.has(event.providerEventId))
              })
              .pipe(mapConstraintErrors("deliveryEvent")),
      forDelivery: (deliveryId) =>
        database.run("list delivery events", async (db) =>
          (
            await db
              .select()
              .from(deliveryEvents)
              .where(idIs(deliveryEvents.deliveryId, deliveryId))
              .orderBy(asc(deliveryEvents.at))
          ).map((row) => ({
            providerEventId: row.providerEventId,
            ...(row.deliveryId === null ? {} : { deliveryId: row.deliveryId }),
            ...(row.providerMessageId === null ? {} : { providerMessageId: row.providerMessageId }),
            event: row.event,
            ...(row.email === null ? {} : { email: row.email }),
            at: row.at,
            payload: row.payload,
            receivedAt: row.receivedAt,
          })),
        ),
    })
  }),
)

/** One digest per person and period, however many workers try. */
export class DigestRuns extends Context.Service<
  DigestRuns,
  {
    /**
     * Claims the digest of `personId` for `periodKey` (e.g. "daily:2026-11-23",
     * "weekly:2026-W48"). Only the first caller gets `true`; everyone else must not send.
     */
    readonly start: (
      personId: string,
      periodKey: string,
      now?: Date,
    ) => Effect.Effect<boolean, StoreError | ConstraintError>
    readonly complete: (
      personId: string,
      periodKey: string,
      updateCount: number,
      now?: Date,
    ) => Effect.Effect<void, StoreError>
    /** Gives up a started run that never completed (its worker died), so it can start again. */
    readonly releaseStale: (startedBefore: Date) => Effect.Effect<number, StoreError>
    readonly has: (personId: string, periodKey: string) => Effect.Effect<boolean, StoreError>
  }
>()("spridning/db/DigestRuns") {}

export const layerDigestRuns: Layer.Layer<DigestRuns, never, Database> = Layer.effect(
  DigestRuns,
  Effect.gen(function* () {
    const database = yield* Database
    return DigestRuns.of({
      start: (personId, periodKey, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .run("start digest run", async (db) => {
              const rows = await db
                .insert(digestRuns)
                .values({ personId: referenceTo("person", PersonId, personId), periodKey, startedAt: at })
                .onConflictDoNothing()
                .returning({ id: digestRuns.id })
              return rows.length > 0
            })
            .pipe(mapConstraintErrors("digestRun", `${personId}/${periodKey}`)),
        ),
      complete: (personId, periodKey, updateCount, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database.run("complete digest run", async (db) => {
            await db
              .update(digestRuns)
              .set({ completedAt: at, updateCount })
              .where(and(idIs(digestRuns.personId, personId), eq(digestRuns.periodKey, periodKey)))
          }),
        ),
      releaseStale: (startedBefore) =>
        database.run("release stale digest runs", async (db) => {
          const rows = await db
            .delete(digestRuns)
            .where(and(isNull(digestRuns.completedAt), lt(digestRuns.startedAt, startedBefore)))
            .returning({ id: digestRuns.id })
          return rows.length
        }),
      has: (personId, periodKey) =>
        database.run("check digest run", async (db) => {
          const rows = await db
            .select({ id: digestRuns.id })
            .from(digestRuns)
            .where(and(idIs(digestRuns.personId, personId), eq(digestRuns.periodKey, periodKey)))
          return rows.length > 0
        }),
    })
  }),
)
