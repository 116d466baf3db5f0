import { type EntityKind, NotFound, type StoreError } from "@spridning/core"
import { Effect } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import type { Database, Db } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import {
  clampLimit,
  decodeCursor,
  type InvalidCursor,
  type ListOptions,
  type Page,
  pageOf,
} from "../database/paging.js"

// Where they were first defined; every list imports them from here or from the paging module.
export {
  clampLimit,
  cursorKey,
  decodeCursor,
  decodePairCursor,
  encodeCursor,
  encodePairCursor,
  InvalidCursor,
  type ListOptions,
  type Page,
  pageOf,
} from "../database/paging.js"

/** Create, read, update, delete and list one kind of record; every change is audited. */
export interface EntityStore<T extends { readonly id: string }, Filter> {
  readonly create: (value: T, actor: string) => Effect.Effect<T, StoreError | ConstraintError>
  /** Many at once in one transaction (batched statements): all or nothing. */
  readonly createMany: (
    values: ReadonlyArray<T>,
    actor: string,
  ) => Effect.Effect<number, StoreError | ConstraintError>
  readonly get: (id: string) => Effect.Effect<T, StoreError | NotFound>
  readonly find: (id: string) => Effect.Effect<T | undefined, StoreError>
  /** `change` gets the stored record and returns the new one; the id cannot change. */
  readonly update: (
    id: string,
    change: (current: T) => T,
    actor: string,
  ) => Effect.Effect<T, StoreError | ConstraintError>
  readonly remove: (id: string, actor: string) => Effect.Effect<void, StoreError | ConstraintError>
  /** Ordered by id. */
  readonly list: (options?: ListOptions<Filter>) => Effect.Effect<Page<T>, StoreError | InvalidCursor>
}

/** How one entity is read and written; the store adds transactions, audit and errors. */
export interface EntitySpec<T extends { readonly id: string }, Filter> {
  readonly entity: EntityKind
  readonly insert: (tx: Db, values: ReadonlyArray<T>) => Promise<void>
  readonly find: (db: Db, id: string) => Promise<T | undefined>
  readonly replace: (tx: Db, value: T) => Promise<void>
  readonly remove: (tx: Db, id: string) => Promise<void>
  readonly page: (
    db: Db,
    filter: Filter,
    afterId: string | undefined,
    limit: number,
  ) => Promise<ReadonlyArray<T>>
}

export const makeEntityStore = <T extends { readonly id: string }, Filter>(
  database: Database["Service"],
  spec: EntitySpec<T, Filter>,
  emptyFilter: Filter,
): EntityStore<T, Filter> => {
  const { entity } = spec
  const find = (id: string) => database.run(`read ${entity}`, (db) => spec.find(db, id))
  return {
    create: (value, actor) =>
      database
        .transaction(`create ${entity}`, async (tx) => {
          await spec.insert(tx, [value])
          await writeAudit(tx, [{ actor, action: "create", entity, entityId: value.id, after: value }])
          return value
        })
        .pipe(mapConstraintErrors(entity, value.id)),
    createMany: (values, actor) =>
      database
        .transaction(`create ${entity} records`, async (tx) => {
          await spec.insert(tx, values)
          await writeAudit(tx, [
            { actor, action: "createMany", entity, entityId: "*", after: { count: values.length } },
          ])
          return values.length
        })
        .pipe(mapConstraintErrors(entity)),
    find,
    get: (id) =>
      Effect.flatMap(find(id), (value) =>
        value === undefined ? Effect.fail(new NotFound({ entity, id })) : Effect.succeed(value),
      ),
    update: (id, change, actor) =>
      database
        .transaction(`update ${entity}`, async (tx) => {
          const current = await spec.find(tx, id)
          if (current === undefined) throw new NotFound({ entity, id })
          const next = { ...change(current), id: current.id }
          await spec.replace(tx, next)
          await writeAudit(tx, [
            { actor, action: "update", entity, entityId: id, before: current, after: next },
          ])
          return next
        })
        .pipe(mapConstraintErrors(entity, id)),
    remove: (id, actor) =>
      database
        .transaction(`delete ${entity}`, async (tx) => {
          const current = await spec.find(tx, id)
          if (current === undefined) throw new NotFound({ entity, id })
          await spec.remove(tx, id)
          await writeAudit(tx, [{ actor, action: "delete", entity, entityId: id, before: current }])
        })
        .pipe(mapConstraintErrors(entity, id)),
    list: (options = {}) =>
      Effect.gen(function* () {
        const afterId = options.cursor === undefined ? undefined : yield* decodeCursor(options.cursor)
        const limit = clampLimit(options.limit)
        const rows = yield* database.run(`list ${entity}`, (db) =>
          spec.page(db, options.filter ?? emptyFilter, afterId, limit + 1),
        )
        return pageOf(rows, limit, (value) => value.id)
      }),
  }
}
