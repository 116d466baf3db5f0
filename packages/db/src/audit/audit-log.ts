import type { StoreError } from "@spridning/core"
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database/database.js"
import { clampLimit, decodeCursor, InvalidCursor, type Page, pageOf } from "../database/paging.js"
import { auditLog } from "../schema/index.js"

/** One change: who made it, when, what it did, and the record before and after. */
export interface AuditEntry {
  readonly id: number
  readonly actor: string
  readonly at: Date
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly before: unknown
  readonly after: unknown
}

export interface AuditRecord {
  readonly actor: string
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly before?: unknown
  readonly after?: unknown
}

/**
 * Writes audit records inside the caller's transaction, so a change and its record are
 * stored together or not at all.
 */
export const writeAudit = async (tx: Db, records: ReadonlyArray<AuditRecord>): Promise<void> => {
  if (records.length === 0) return
  await tx.insert(auditLog).values(
    records.map((record) => ({
      actor: record.actor,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
    })),
  )
}

export interface AuditQuery {
  readonly entity?: string
  readonly entityId?: string
  readonly actor?: string
  /** Entries at or after this time. */
  readonly from?: Date
  /** Entries before this time. */
  readonly to?: Date
  /** Entries older than this id (the previous page's last id). */
  readonly beforeId?: number
  readonly limit?: number
}

const conditionsOf = (query: AuditQuery): Array<SQL> => {
  const conditions: Array<SQL> = []
  if (query.entity !== undefined) conditions.push(eq(auditLog.entity, query.entity))
  if (query.entityId !== undefined) conditions.push(eq(auditLog.entityId, query.entityId))
  if (query.actor !== undefined) conditions.push(eq(auditLog.actor, query.actor))
  if (query.from !== undefined) conditions.push(gte(auditLog.at, query.from))
  if (query.to !== undefined) conditions.push(lt(auditLog.at, query.to))
  if (query.beforeId !== undefined) conditions.push(lt(auditLog.id, query.beforeId))
  return conditions
}

/** Reads the audit log, newest first. Writing happens inside each repository's transactions. */
export class AuditLog extends Context.Service<
  AuditLog,
  {
    readonly list: (query?: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
    /** One page, newest first; `cursor` is the previous page's `nextCursor`. */
    readonly page: (
      query?: Omit<AuditQuery, "beforeId"> & { readonly cursor?: string },
    ) => Effect.Effect<Page<AuditEntry>, StoreError | InvalidCursor>
    /** For changes made outside the repositories (e.g. a CLI command). */
    readonly record: (record: AuditRecord) => Effect.Effect<void, StoreError>
  }
>()("spridning/db/AuditLog") {}

export const layerAuditLog: Layer.Layer<AuditLog, never, Database> = Layer.effect(
  AuditLog,
  Effect.gen(function* () {
    const database = yield* Database
    return AuditLog.of({
      list: (query = {}) =>
        database.run("list audit log", async (db) =>
          db
            .select()
            .from(auditLog)
            .where(and(...conditionsOf(query)))
            .orderBy(desc(auditLog.id))
            .limit(Math.min(query.limit ?? 100, 1000)),
        ),
      page: ({ cursor, ...query } = {}) =>
        Effect.gen(function* () {
          const after = cursor === undefined ? undefined : yield* decodeCursor(cursor)
          const beforeId = after === undefined ? undefined : Number(after)
          if (beforeId !== undefined && !Number.isSafeInteger(beforeId)) {
            return yield* new InvalidCursor({ cursor: cursor ?? "" })
          }
          const limit = clampLimit(query.limit)
          const rows = yield* database.run("list audit log", (db) =>
            db
              .select()
              .from(auditLog)
              .where(and(...conditionsOf({ ...query, ...(beforeId === undefined ? {} : { beforeId }) })))
              .orderBy(desc(auditLog.id))
              .limit(limit + 1),
          )
          return pageOf(rows, limit, (row) => String(row.id))
        }),
      record: (record) => database.transaction("write audit record", (tx) => writeAudit(tx, [record])),
    })
  }),
)
